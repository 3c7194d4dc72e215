import { describe, expect, it } from 'vitest';
import { compileBodySearch } from './body-search.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('compileBodySearch', () => {
  it('finds ASCII text regardless of case, anywhere in the body', () => {
    const search = compileBodySearch('Order_42');
    expect(search(bytes('{"id":"ORDER_42"}'))).toBe(true);
    expect(search(bytes('order_42'))).toBe(true);
    expect(search(bytes('{"id":"order_4"}'))).toBe(false);
    expect(search(bytes(''))).toBe(false);
  });

  it('matches non-ASCII text byte for byte', () => {
    expect(compileBodySearch('Müller')(bytes('{"name":"Müller"}'))).toBe(true);
    expect(compileBodySearch('café')(bytes('cafe'))).toBe(false);
  });

  it('searches binary bodies without decoding them', () => {
    const body = Uint8Array.from([0xff, 0x00, 0x61, 0x62, 0x63, 0xfe]);
    expect(compileBodySearch('ABC')(body)).toBe(true);
    expect(compileBodySearch('abd')(body)).toBe(false);
  });

  it('an empty needle matches everything', () => {
    expect(compileBodySearch('')(bytes('x'))).toBe(true);
  });
});
