/**
 * A fast path for stompjs's frame parsing, installed once, same results.
 *
 * Measured (bench, Node, per MESSAGE frame of ~400 bytes): stompjs's Parser
 * handles one byte per call and collects tokens in a JS array (~9.5 µs a
 * frame), and FrameImpl.fromRawFrame runs six regexes per header (~6 µs).
 * At thousands of frames a second that is the largest share of the page's
 * main thread after rendering.
 *
 * RabbitMQ's web_stomp sends every frame as one whole WebSocket message, so
 * the fast path parses a complete frame in one pass over the chunk (indexOf,
 * a decode per token of the bytes in place) and hands stompjs the same
 * raw frame its own parser would. Anything else (a frame split across
 * messages, CRLF line ends, a header line without a colon, text frames)
 * goes to stompjs's byte-wise parser, untouched. fromRawFrame gets the same
 * treatment: `trim()` is the regex's exact equivalent, and unescaping is
 * skipped for values without a backslash, where it changes nothing.
 *
 * Tied to stompjs's Parser internals (`_onByte`, `_collectFrame`, `_token`,
 * `_decoder`) and FrameImpl.hdrValueUnEscape, so it installs only on the
 * stompjs version it was written and tested for (the tests compare both
 * paths frame by frame) and only when those members are there. Otherwise
 * stompjs's own parser stays, and the console says so once.
 */
import { FrameImpl, Parser, type IRawFrameType } from '@stomp/stompjs';
import { HeaderTokenCache } from './header-token-cache.ts';
import { headerLines, headerTokens } from './stomp-header-lines.ts';

const NULL = 0;
const LF = 10;
const CR = 13;

/** The parts of stompjs's Parser the fast path reads. */
interface ParserInternals {
  _onByte: unknown;
  _collectFrame: unknown;
  _token: number[];
  _decoder: TextDecoder;
  onFrame(rawFrame: IRawFrameType): void;
  onIncomingPing(): void;
}

type ParseChunk = (segment: string | ArrayBuffer, appendMissingNULLonIncoming?: boolean) => void;
type FromRawFrame = (rawFrame: IRawFrameType, escapeHeaderValues: boolean) => FrameImpl;

/** The stompjs release this path was written and tested against. */
export const FAST_PATH_STOMPJS_VERSION = '7.5.0';

/** The installed stompjs's version, put in at build time by vite.config.ts from its package.json. */
declare const __STOMPJS_VERSION__: string;

/** Why the fast path cannot run on this stompjs, or null when it can. */
function incompatibility(version: string): string | null {
  if (version !== FAST_PATH_STOMPJS_VERSION) return `stompjs ${version} is installed; the fast path was written for ${FAST_PATH_STOMPJS_VERSION}`;
  const probe = new Parser(() => undefined, () => undefined) as unknown as Partial<ParserInternals>;
  const unescape: unknown = (FrameImpl as unknown as { hdrValueUnEscape?: unknown }).hdrValueUnEscape;
  const ok =
    typeof probe._onByte === 'function' && probe._onByte === probe._collectFrame && Array.isArray(probe._token) &&
    probe._decoder instanceof TextDecoder && typeof unescape === 'function';
  return ok ? null : `stompjs ${version}'s Parser no longer has the internals the fast path reads`;
}

/** Whether the fast path is in place (it patches stompjs's classes, so once for the whole page). */
let installed = false;

/**
 * Installs the fast path on stompjs's Parser and FrameImpl, once; the
 * session calls it when it is created. Returns whether it is in place. On a
 * stompjs it was not made for, stompjs's own parser stays and the console
 * says why.
 *
 * @param version the stompjs version to check (tests give another one).
 */
export function installFastFramePath(version: string = __STOMPJS_VERSION__): boolean {
  if (installed) return true;
  const reason = incompatibility(version);
  if (reason !== null) {
    console.warn(`Warren: using stompjs's own frame parser (${reason}).`);
    return false;
  }
  installed = true;
  const byteWise: ParseChunk = Parser.prototype.parseChunk;
  Parser.prototype.parseChunk = function parseChunk(this: Parser, segment, appendMissingNULLonIncoming = false) {
    const self = this as unknown as ParserInternals;
    if (typeof segment === 'string' || appendMissingNULLonIncoming || self._onByte !== self._collectFrame || self._token.length > 0) {
      byteWise.call(this, segment, appendMissingNULLonIncoming);
      return;
    }
    const bytes = new Uint8Array(segment);
    const rest = parseWholeFrames(self, bytes);
    if (rest < bytes.length) byteWise.call(this, bytes.slice(rest).buffer, false);
  };
  // Private in stompjs's types, public at run time; the tests pin its behaviour.
  const unescape = (FrameImpl as unknown as { hdrValueUnEscape(value: string): string }).hdrValueUnEscape;
  const fromRawFrame: FromRawFrame = (rawFrame, escapeHeaderValues) => {
    const headers: Record<string, string> = {};
    const unescapes = escapeHeaderValues && rawFrame.command !== 'CONNECT' && rawFrame.command !== 'CONNECTED';
    const list = rawFrame.headers;
    // Backwards, so the first of repeated headers wins, as in stompjs.
    for (let i = list.length - 1; i >= 0; i--) {
      const header = list[i];
      if (header === undefined) continue;
      const value = header[1].trim();
      headers[header[0].trim()] = unescapes && value.includes('\\') ? unescape(value) : value;
    }
    return new FrameImpl({ command: rawFrame.command ?? '', headers, binaryBody: rawFrame.binaryBody, escapeHeaderValues });
  };
  FrameImpl.fromRawFrame = fromRawFrame;
  // stompjs builds a debug line for every frame it receives, `<<< ${frame}`,
  // even with no debug callback: toString escapes and joins every header
  // (~3.5 % of the page's main thread at thousands of frames a second, npm
  // run bench -- --profile). Sending uses serialize(), not toString.
  FrameImpl.prototype.toString = function toString(this: FrameImpl): string {
    return this.command;
  };
  return true;
}

/** Parses whole frames and heartbeats from the start of `bytes`; returns where it stopped. */
function parseWholeFrames(parser: ParserInternals, bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const b = bytes[at];
    if (b === LF) {
      parser.onIncomingPing();
      at++;
    } else if (b === NULL || b === CR) {
      at++;
    } else {
      const end = parseFrame(parser, bytes, at);
      if (end < 0) return at;
      at = end;
    }
  }
  return at;
}

/** The strings of header tokens seen before, for every socket's frames on this thread. */
const tokens = new HeaderTokenCache();

/** One complete frame starting at `from`: delivers it and returns the index after its NUL, or -1 to leave it to stompjs. */
function parseFrame(parser: ParserInternals, bytes: Uint8Array, from: number): number {
  const commandEnd = bytes.indexOf(LF, from);
  if (commandEnd < 0 || bytes[commandEnd - 1] === CR) return -1;
  const lines: number[] = []; // [keyStart, colon, lineEnd] per header
  const at = headerLines(bytes, commandEnd + 1, lines);
  if (at < 0) return -1;
  const bodyStart = at + 1;
  // Each token its own string, as stompjs makes them (headerTokens). Slices
  // of one decoded head measured no faster in the socket worker, and every
  // retained message's header values would keep its whole head alive. Those
  // seen before come from the cache, as in the socket worker.
  const token = headerTokens(bytes, from, at, parser._decoder, tokens); // the command line too
  const headers: [string, string][] = [];
  for (let i = 0; i < lines.length; i += 3) {
    const colon = lines[i + 1] ?? 0;
    headers.push([token(lines[i] ?? 0, colon), token(colon + 1, lines[i + 2] ?? 0)]);
  }
  let bodyEnd: number;
  const contentLength = headers.find((h) => h[0] === 'content-length');
  if (contentLength) {
    const length = parseInt(contentLength[1], 10);
    if (!Number.isInteger(length) || length < 0) return -1;
    bodyEnd = bodyStart + length;
    if (bodyEnd >= bytes.length || bytes[bodyEnd] !== NULL) return -1;
  } else {
    bodyEnd = bytes.indexOf(NULL, bodyStart);
    if (bodyEnd < 0) return -1;
  }
  const command = token(from, commandEnd);
  const rawFrame: IRawFrameType = { command, headers, binaryBody: bytes.slice(bodyStart, bodyEnd) };
  try {
    parser.onFrame(rawFrame);
  } catch (e) {
    console.log(`Ignoring an exception thrown by a frame handler. Original exception: `, e);
  }
  return bodyEnd + 1;
}
