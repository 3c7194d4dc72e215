/**
 * The header lines of a STOMP frame, found in its bytes the way stompjs's
 * parser would split them: shared by the page's fast path
 * (fast-frame-path.ts) and the socket worker's reader
 * (socket-worker/message-frame.ts), both checked against stompjs.
 */
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
