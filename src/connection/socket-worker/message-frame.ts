/**
 * Reads one STOMP MESSAGE frame in the socket worker, giving what stompjs
 * would give the page for it (its headers object, its body), so the page
 * need not parse the frame at all (socket-worker.ts says why).
 *
 * The same reading as the page's fast path (fast-frame-path.ts), which the
 * tests check frame by frame against stompjs: each header name and value
 * the string stompjs makes of it (headerTokens), names and values trimmed,
 * the first of repeated headers wins, the object built last header first
 * as stompjs builds it (the inspector and an export show that order),
 * values unescaped as STOMP 1.1 and 1.2 escape them. Anything it does not
 * read the same way (CR line ends, a line without a colon, two frames in
 * one WebSocket message, any other command) returns false, and the bytes
 * go to stompjs as before.
 */
import type { HeaderTokenCache } from '../header-token-cache.ts';
import { headerLines, headerTokens } from '../stomp-header-lines.ts';

const NULL = 0;
const LF = 10;
const CR = 13;
const BACKSLASH = '\\';
const MESSAGE = [77, 69, 83, 83, 65, 71, 69, LF]; // "MESSAGE\n"

/** Reused between frames: where the frame's parts are. */
export interface MessageFrameParts {
  headers: Record<string, string>;
  bodyStart: number;
  bodyEnd: number;
}

/** stompjs's FrameImpl.hdrValueUnEscape, without a regex per escape for values that have none. */
export function unescapeHeaderValue(value: string): string {
  if (!value.includes(BACKSLASH)) return value;
  return value.replace(/\\r/g, '\r').replace(/\\n/g, '\n').replace(/\\c/g, ':').replace(/\\\\/g, '\\');
}

/**
 * Reads `bytes` (one WebSocket message) as one MESSAGE frame into `parts`;
 * false when it is anything else or not read exactly as stompjs would.
 *
 * @param escaped header values are escaped (STOMP 1.1 and 1.2; not 1.0).
 * @param cache the strings of tokens read before (HeaderTokenCache), for the frames of one socket.
 */
export function readMessageFrame(bytes: Uint8Array, decoder: TextDecoder, escaped: boolean, parts: MessageFrameParts, cache?: HeaderTokenCache): boolean {
  if (bytes.length < MESSAGE.length) return false;
  for (let i = 0; i < MESSAGE.length; i++) if (bytes[i] !== MESSAGE[i]) return false;
  const lines: number[] = []; // [keyStart, colon, lineEnd] per header
  const at = headerLines(bytes, MESSAGE.length, lines);
  if (at < 0) return false;
  const bodyStart = at + 1;
  const token = headerTokens(bytes, MESSAGE.length, at, decoder, cache);
  const headers: Record<string, string> = {};
  let contentLength: string | undefined;
  // Backwards, so the first of repeated headers wins, as in stompjs.
  for (let i = lines.length - 3; i >= 0; i -= 3) {
    const colon = lines[i + 1] ?? 0;
    const name = token(lines[i] ?? 0, colon);
    const raw = token(colon + 1, lines[i + 2] ?? 0);
    // stompjs reads content-length from the untrimmed first occurrence.
    if (name === 'content-length') contentLength = raw;
    const value = raw.trim();
    headers[name.trim()] = escaped ? unescapeHeaderValue(value) : value;
  }
  let bodyEnd: number;
  if (contentLength !== undefined) {
    const length = parseInt(contentLength, 10);
    if (!Number.isInteger(length) || length < 0) return false;
    bodyEnd = bodyStart + length;
    if (bodyEnd >= bytes.length || bytes[bodyEnd] !== NULL) return false;
  } else {
    bodyEnd = bytes.indexOf(NULL, bodyStart);
    if (bodyEnd < 0) return false;
  }
  // Only end-of-line padding may follow: a second frame is stompjs's to read.
  for (let i = bodyEnd + 1; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== LF && b !== CR && b !== NULL) return false;
  }
  parts.headers = headers;
  parts.bodyStart = bodyStart;
  parts.bodyEnd = bodyEnd;
  return true;
}
