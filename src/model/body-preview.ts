/**
 * One-line body previews for the table. Called for visible rows only, and
 * cached per message, so scrolling back and forth decodes each row once.
 */
import { contentCodingOfMessage } from './content-coding.ts';
import { inflatePrefix } from './decompress.ts';
import { decodeTextStrict, looksLikeText } from './text-decoding.ts';
import type { TracedMessage } from './types.ts';

/** Default preview length in characters. */
export const DEFAULT_PREVIEW_CHARS = 120;

/** Bytes read per preview character at first: UTF-8 needs at most 4. */
const BYTES_PER_CHAR = 4;
/** Read more when whitespace collapsing left too little text (indented JSON); give up after this many reads. */
const MAX_READS = 3;
const READ_GROWTH = 8;

/** A prefix of the content: the bytes, and whether they are all of it. */
interface ContentPrefix {
  bytes: Uint8Array;
  complete: boolean;
}

const cache = new WeakMap<TracedMessage, { maxChars: number; text: string }>();

/**
 * The start of a message's body as one line of at most `maxChars` characters
 * (plus `…` when there is more). Whitespace runs become one space, control
 * and bidi-override characters become U+FFFD (they could garble the row).
 *
 * - empty body: `(empty)`
 * - not text (invalid UTF-8, NULs, many control characters): `binary, N bytes`
 * - gzip / deflate: the first bytes are inflated (cheap: decompression stops
 *   early) and shown as `[gzip] text…`; `gzip, N bytes` if the content is
 *   binary, `gzip, N bytes (corrupt)` if it does not inflate
 * - other content-encodings (br, zstd): `br, N bytes`
 *
 * N is always the size as delivered.
 */
export function bodyPreview(msg: TracedMessage, maxChars: number = DEFAULT_PREVIEW_CHARS): string {
  const cached = cache.get(msg);
  if (cached !== undefined && cached.maxChars === maxChars) return cached.text;
  const text = computePreview(msg, maxChars);
  cache.set(msg, { maxChars, text });
  return text;
}

function computePreview(msg: TracedMessage, maxChars: number): string {
  const size = msg.body.length;
  if (size === 0) return '(empty)';
  const { compression, charset } = contentCodingOfMessage(msg);
  if (compression.kind === 'unsupported') return `${compression.label}, ${size} bytes`;
  if (compression.kind === 'none') {
    const raw = (n: number): ContentPrefix => ({ bytes: msg.body.subarray(0, n), complete: n >= size });
    return textPreview(raw, charset, maxChars) ?? `binary, ${size} bytes`;
  }
  let corrupt = false;
  const inflated = (n: number): ContentPrefix | null => {
    const result = inflatePrefix(msg.body, compression.gzipOnly, n);
    if (result.ok) return { bytes: result.bytes, complete: result.complete };
    corrupt = true;
    return null;
  };
  const text = textPreview(inflated, charset, maxChars);
  if (text !== null) return `[${compression.label}] ${text}`;
  return `${compression.label}, ${size} bytes${corrupt ? ' (corrupt)' : ''}`;
}

/** Preview text from growing prefixes of the content, or null if it is not text. */
function textPreview(read: (maxBytes: number) => ContentPrefix | null, charset: string, maxChars: number): string | null {
  let budget = Math.max(1, maxChars) * BYTES_PER_CHAR;
  for (let attempt = 1; ; attempt++) {
    const prefix = read(budget);
    if (prefix === null) return null;
    const decoded = decodeTextStrict(prefix.bytes, charset, !prefix.complete);
    if (decoded === null || !looksLikeText(decoded)) return null;
    const line = toOneLine(decoded);
    if (line.length > maxChars) return `${cutAt(line, maxChars)}…`;
    if (prefix.complete) return line;
    if (attempt === MAX_READS) return `${line}…`;
    budget *= READ_GROWTH;
  }
}

/** Collapses whitespace and replaces characters that would garble a table row. */
function toOneLine(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  let out = '';
  let from = 0;
  for (let i = 0; i < collapsed.length; i++) {
    if (isUnsafeForDisplay(collapsed.charCodeAt(i))) {
      out += `${collapsed.slice(from, i)}\uFFFD`;
      from = i + 1;
    }
  }
  return from === 0 ? collapsed : out + collapsed.slice(from);
}

/** C0/C1 controls, DEL, and bidi embeddings/overrides/isolates ("Trojan Source" reordering). */
function isUnsafeForDisplay(code: number): boolean {
  return code < 32 || (code >= 127 && code < 160) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** `text` cut to `max` UTF-16 units without splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  const last = text.charCodeAt(max - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return text.slice(0, end).trimEnd();
}
