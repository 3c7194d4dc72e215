/**
 * The header lines of a STOMP frame, found in its bytes the way stompjs's
 * parser would split them: shared by the page's fast path
 * (fast-frame-path.ts) and the socket worker's reader
 * (socket-worker/message-frame.ts), both checked against stompjs; and the
 * strings of their names and values.
 */
import { asciiString, type HeaderTokenCache } from './header-token-cache.ts';

const LF = 10;
const CR = 13;
const COLON = 58;

/**
 * From `at` (the byte after the command line's LF), pushes
 * [nameStart, colon, lineEnd] for each header line into `lines` and returns
 * the index of the empty line that ends them; -1 when the bytes end first,
 * or a line has a CR or no colon (left to stompjs's own parser).
 */
export function headerLines(bytes: Uint8Array, at: number, lines: number[]): number {
  for (;;) {
    if (at >= bytes.length) return -1;
    if (bytes[at] === LF) return at;
    let colon = -1;
    let end = at;
    for (; end < bytes.length; end++) {
      const b = bytes[end] ?? 0;
      if (b === LF) break;
      if (b === COLON && colon < 0) colon = end;
      else if (b === CR) return -1;
    }
    if (end >= bytes.length || colon < 0) return -1;
    lines.push(at, colon, end);
    at = end + 1;
  }
}

/** Longer ASCII tokens are decoded: String.fromCharCode.apply takes one argument per byte, and engines cap arguments. */
const MAX_CHAR_CODE_TOKEN = 1024;

/**
 * The strings of the header block's tokens (names, values) between `from`
 * and `to`. All ASCII (nearly every frame), each token is made from its
 * bytes with String.fromCharCode: a TextDecoder call per name and value was
 * over a third of the socket worker's time at full ingest (a profile of
 * 100,000 messages: 1.5 of 4.0 s; 3.2 s in all with this), or found in
 * `cache` when it was seen before. With any other byte, one decode per
 * token, as stompjs does (it also drops a BOM at the start of each).
 */
export function headerTokens(
  bytes: Uint8Array,
  from: number,
  to: number,
  decoder: TextDecoder,
  cache?: HeaderTokenCache,
): (a: number, b: number) => string {
  const decode = (a: number, b: number) => decoder.decode(bytes.subarray(a, b));
  for (let i = from; i < to; i++) if ((bytes[i] ?? 0) >= 0x80) return decode;
  if (cache) return (a, b) => (b - a > MAX_CHAR_CODE_TOKEN ? decode(a, b) : cache.ascii(bytes, a, b));
  return (a, b) => (b - a > MAX_CHAR_CODE_TOKEN ? decode(a, b) : asciiString(bytes, a, b));
}
