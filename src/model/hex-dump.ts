/**
 * Hex dumps in the layout of `hexdump -C`, which people already read fluently.
 */

const BYTES_PER_LINE = 16;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Dumps `bytes[offset, offset + maxBytes)` as lines like
 * `00000010  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a        |Hello, world!.|`:
 * the absolute offset, 16 bytes in hex (two groups of 8), then the bytes as
 * ASCII with anything outside 0x20..0x7e shown as `.`. Lines are joined with
 * `\n`; an empty range gives `''`. Page through a large body by calling again
 * with a larger `offset`.
 */
export function hexDump(bytes: Uint8Array, offset: number = 0, maxBytes: number = 4096): string {
  const start = Math.max(0, Math.floor(offset));
  const end = Math.min(bytes.length, start + Math.max(0, Math.floor(maxBytes)));
  const lines: string[] = [];
  for (let lineStart = start; lineStart < end; lineStart += BYTES_PER_LINE) {
    lines.push(hexLine(bytes, lineStart, Math.min(lineStart + BYTES_PER_LINE, end)));
  }
  return lines.join('\n');
}

function hexLine(bytes: Uint8Array, start: number, end: number): string {
  let hex = '';
  let ascii = '';
  for (let i = 0; i < BYTES_PER_LINE; i++) {
    const at = start + i;
    if (i === 8) hex += ' ';
    if (at < end) {
      const byte = bytes[at] ?? 0;
      hex += `${HEX[byte] ?? '??'} `;
      ascii += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.';
    } else {
      hex += '   ';
    }
  }
  return `${start.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`;
}
