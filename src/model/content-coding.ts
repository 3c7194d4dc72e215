/**
 * What the headers say about how a body's bytes are coded: compressed or not,
 * and in which character set its text is.
 *
 * AMQP's content_encoding is used two ways in the wild: as an HTTP-style
 * compression (`gzip`, `deflate`) and, by kombu/Celery, as the charset
 * (`utf-8`, or `binary` for raw bytes). Kombu signals compression in its own
 * `compression` header instead (`application/x-gzip`, which is zlib data).
 */
import { contentTypeInfo } from './decoders/content-type.ts';
import { headerOf } from './packed-message.ts';
import type { TracedMessage } from './types.ts';

/** How the body is compressed, as far as the headers tell. */
export type Compression =
  | { kind: 'none' }
  /**
   * `label` is the header value that said so, for messages such as "gzip, 312 bytes".
   * `zstd` selects Zstandard; otherwise DEFLATE-family, `gzipOnly` refusing zlib/raw.
   */
  | { kind: 'compressed'; label: string; gzipOnly: boolean; zstd?: boolean }
  /** A coding we do not undo (br, bz2, ...): the bytes are shown as received. */
  | { kind: 'unsupported'; label: string };

/** Compression plus the charset to decode the (decompressed) text with. */
export interface ContentCoding {
  compression: Compression;
  /** A TextDecoder label; 'utf-8' unless the headers name another charset. */
  charset: string;
}

const NONE: Compression = { kind: 'none' };
const GZIP_ENCODINGS = new Set(['gzip', 'x-gzip']);
const DEFLATE_ENCODINGS = new Set(['deflate', 'x-deflate', 'zlib']);
const ZSTD_ENCODINGS = new Set(['zstd', 'x-zstd']);
/** Values that mean "not transformed" without being charsets. */
const IDENTITY_ENCODINGS = new Set(['', 'identity', 'binary', '7bit', '8bit']);
/** kombu.compression names for zlib.compress (it registers gzip and zlib as aliases). */
const KOMBU_ZLIB = new Set(['application/x-gzip', 'gzip', 'zlib']);
/** kombu.compression's zstandard codec (registered as application/zstd, alias zstd). */
const KOMBU_ZSTD = new Set(['application/zstd', 'zstd']);

/** Reads compression and charset from a message's STOMP headers. */
export function contentCodingOf(headers: Readonly<Record<string, string>>): ContentCoding {
  return contentCoding(headers['content-encoding'] ?? '', headers['content-type'] ?? '', headers['compression'] ?? '');
}

/**
 * The same, from the fields the capture decoded at arrival and the one
 * header they lack (kombu's `compression`): a body filter over a million
 * messages whose headers are still packed (PackedMessage) must not unpack
 * them all to learn that none is compressed.
 */
export function contentCodingOfMessage(msg: TracedMessage): ContentCoding {
  return contentCoding(msg.contentEncoding, msg.contentType, headerOf(msg, 'compression') ?? '');
}

function contentCoding(contentEncoding: string, contentType: string, compression: string): ContentCoding {
  const encoding = contentEncoding.trim().toLowerCase();
  const typeCharset = charsetParameter(contentType);
  if (GZIP_ENCODINGS.has(encoding)) {
    return { compression: { kind: 'compressed', label: encoding, gzipOnly: true }, charset: typeCharset ?? 'utf-8' };
  }
  if (DEFLATE_ENCODINGS.has(encoding)) {
    return { compression: { kind: 'compressed', label: encoding, gzipOnly: false }, charset: typeCharset ?? 'utf-8' };
  }
  if (ZSTD_ENCODINGS.has(encoding)) {
    return { compression: { kind: 'compressed', label: encoding, gzipOnly: false, zstd: true }, charset: typeCharset ?? 'utf-8' };
  }
  const encodingCharset = IDENTITY_ENCODINGS.has(encoding) ? null : knownCharset(encoding);
  if (!IDENTITY_ENCODINGS.has(encoding) && encodingCharset === null) {
    return { compression: { kind: 'unsupported', label: encoding }, charset: typeCharset ?? 'utf-8' };
  }
  const charset = typeCharset ?? encodingCharset ?? 'utf-8';
  const kombu = compression.trim().toLowerCase();
  if (kombu === '') return { compression: NONE, charset };
  if (KOMBU_ZLIB.has(kombu)) return { compression: { kind: 'compressed', label: kombu, gzipOnly: false }, charset };
  if (KOMBU_ZSTD.has(kombu)) return { compression: { kind: 'compressed', label: kombu, gzipOnly: false, zstd: true }, charset };
  return { compression: { kind: 'unsupported', label: kombu }, charset };
}

/** The `charset=` parameter of a content type, if TextDecoder knows it. */
function charsetParameter(contentType: string): string | null {
  const at = contentType.toLowerCase().indexOf('charset=');
  if (at === -1) return null;
  const value = contentType.slice(at + 'charset='.length).split(';')[0] ?? '';
  return knownCharset(value.trim().replace(/^"|"$/g, ''));
}

/**
 * Labels already tried: a TextDecoder made only to learn whether it can be
 * made cost more than the decode in a re-filter (one per Celery body, whose
 * content-encoding is `utf-8`). Labels come from message headers: bounded.
 */
const charsetLabels = new Map<string, string | null>();

/** `label` when TextDecoder supports it as a charset, else null. */
function knownCharset(label: string): string | null {
  if (label === '') return null;
  let known = charsetLabels.get(label);
  if (known !== undefined) return known;
  try {
    new TextDecoder(label);
    known = label;
  } catch {
    known = null;
  }
  if (charsetLabels.size >= 64) charsetLabels.clear();
  charsetLabels.set(label, known);
  return known;
}

/** True when a content type says JSON: application/json, text/json, application/x+json (parsed once per content type). */
export function isJsonContentType(contentType: string): boolean {
  return contentTypeInfo(contentType).format === 'json';
}
