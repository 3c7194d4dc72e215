import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hexDump } from './hex-dump.ts';

describe('hexDump', () => {
  it('matches hexdump -C for a partial line', () => {
    expect(hexDump(strToU8('Hello, world!\n'))).toBe('00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a        |Hello, world!.|');
  });

  it('matches hexdump -C across lines', () => {
    expect(hexDump(strToU8('0123456789abcdefXYZ'))).toBe(
      ['00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|', '00000010  58 59 5a                                          |XYZ|'].join('\n'),
    );
  });

  it('shows non-printable bytes as dots', () => {
    expect(hexDump(new Uint8Array([0, 0x1f, 0x7f, 0x80, 0xff, 0x20, 0x7e]))).toBe(
      '00000000  00 1f 7f 80 ff 20 7e                              |..... ~|',
    );
  });

  it('pages with absolute offsets and stops at maxBytes', () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
    const page = hexDump(bytes, 32, 20).split('\n');
    expect(page).toHaveLength(2);
    expect(page[0]?.startsWith('00000020  20 21 22 23 ')).toBe(true);
    expect(page[1]).toBe('00000030  30 31 32 33                                       |0123|');
  });

  it('is empty for an empty range', () => {
    expect(hexDump(new Uint8Array(0))).toBe('');
    expect(hexDump(new Uint8Array(4), 10)).toBe('');
  });

  it('dumps 4096 bytes (256 lines) by default', () => {
    expect(hexDump(new Uint8Array(10_000)).split('\n')).toHaveLength(256);
  });
});
