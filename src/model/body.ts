/**
 * Full body decoding for the inspector (one selected message at a time):
 * undo compression, then classify as JSON, text or binary. Not cached here:
 * the caller memoizes for the selected message, and a cache keyed by message
 * would keep up to `limitBytes` of decoded data alive per inspected message.
 */
import { contentCodingOfMessage, isJsonContentType } from './content-coding.ts';
import { decompressPrefix } from './decompress.ts';
import type { CompressedFormat } from './decompress.ts';
import { decodeTextStrict, looksLikeText } from './text-decoding.ts';
import type { TracedMessage } from './types.ts';

/** Default decode limit: big enough for almost every message, small enough to render. */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/** Options for {@link decodeBody}. */
export interface DecodeBodyOptions {
  /** Decode at most this many content bytes (after decompression). Infinity = all. */
  limitBytes?: number;
}

/** Facts every decoded body carries, whatever its kind. */
export interface DecodedBodyInfo {
  /** Bytes as delivered (compressed size when compressed). */
  wireBytes: number;
  /** Content size after decompression; null when decompression stopped at the limit. */
  totalBytes: number | null;
  /** Content bytes decoded here (at most the limit). */
  decodedBytes: number;
  /** Only the first `decodedBytes` were decoded: see {@link decodeBodyInFull}. */
  truncated: boolean;
  /** The compression that was undone, or null. */
  decompressed: CompressedFormat | null;
  /** Something the user should be told: malformed JSON, corrupt gzip, truncation. */
  warning?: string;
}

/** A body, decoded and classified. */
export type DecodedBody =
  /** `text` is the body as sent; `value` is JSON.parse(text). */
  | (DecodedBodyInfo & { kind: 'json'; value: unknown; text: string })
  | (DecodedBodyInfo & { kind: 'text'; text: string })
  /** The (decompressed) bytes, at most `limitBytes` of them; hex-dump them. */
  | (DecodedBodyInfo & { kind: 'binary'; bytes: Uint8Array });

/**
 * Decodes a message body for display. Never throws.
 *
 * Content-encoding gzip / x-gzip / deflate / zstd (and kombu's `compression`
 * header) is undone with fflate or fzstd; a corrupt stream yields `kind: 'binary'` with the
 * bytes as received and a warning. Then: a JSON content type (or a body that
 * looks like JSON and parses) gives `json`; a JSON-labelled body that does not
 * parse gives `text` with a warning; readable text gives `text`; the rest is
 * `binary`.
 */
export function decodeBody(msg: TracedMessage, options: DecodeBodyOptions = {}): DecodedBody {
  const content = bodyContent(msg, options);
  return content.ok ? classifyContent(content) : content.body;
}

/** The content bytes of a body: decompressed, cut at the limit, with the facts about it. */
export interface BodyContent {
  ok: true;
  /** At most the limit's worth of (decompressed) bytes. */
  bytes: Uint8Array;
  info: DecodedBodyInfo;
  /** The charset the headers name for text. */
  charset: string;
  /** Labelled as JSON by its content type. */
  labelledJson: boolean;
}

/**
 * Step one of {@link decodeBody}, shared with the structured decoders
 * (MessagePack, CBOR, protobuf read the same decompressed bytes). A body
 * that does not decompress gives the finished binary reading with its warning.
 */
export function bodyContent(msg: TracedMessage, options: DecodeBodyOptions = {}): BodyContent | { ok: false; body: DecodedBody } {
  const limit = Math.max(0, options.limitBytes ?? DEFAULT_BODY_LIMIT_BYTES);
  const { compression, charset } = contentCodingOfMessage(msg);
  const wireBytes = msg.body.length;
  let content = msg.body;
  let complete = true;
  let decompressed: CompressedFormat | null = null;
  let warning: string | undefined;

  if (compression.kind === 'compressed' && wireBytes > 0) {
    const inflated = decompressPrefix(msg.body, compression, limit);
    if (!inflated.ok) {
      const bytes = msg.body.subarray(0, limit);
      const reason = `Could not decompress (content-encoding ${compression.label}): ${inflated.error}. Showing the ${wireBytes} bytes as received.`;
      return { ok: false, body: binary(bytes, { wireBytes, totalBytes: wireBytes, decodedBytes: bytes.length, truncated: bytes.length < wireBytes, decompressed: null, warning: reason }) };
    }
    content = inflated.bytes;
    complete = inflated.complete;
    decompressed = inflated.format;
    warning = inflated.warning;
  } else if (compression.kind === 'unsupported') {
    warning = `Content-encoding ${compression.label} is not supported: showing the bytes as received.`;
  }

  const totalBytes = complete ? content.length : null;
  const truncated = !complete || content.length > limit;
  const bytes = content.length > limit ? content.subarray(0, limit) : content;
  const info: DecodedBodyInfo = { wireBytes, totalBytes, decodedBytes: bytes.length, truncated, decompressed, warning };
  return { ok: true, bytes, info, charset, labelledJson: isJsonContentType(msg.contentType) };
}

/** The content as a binary body, without trying it as text: for readers that only want a decoder's value. */
export function binaryContent(content: BodyContent): DecodedBody {
  return binary(content.bytes, content.info);
}

/**
 * For readers that only want the value (field filters over a million
 * messages): the JSON reading without the display-only checks (the
 * unsafe-integer note, the text heuristics JSON.parse makes moot), or null
 * when the content is not plainly JSON, for {@link classifyContent} to decide.
 */
export function plainJsonContent(content: BodyContent): DecodedBody | null {
  if (content.info.truncated) return null;
  const text = decodeTextStrict(content.bytes, content.charset, false);
  if (text === null || !(content.labelledJson || looksLikeJson(text))) return null;
  try {
    const value: unknown = JSON.parse(text);
    return withInfo(content.info, content.info.warning, { kind: 'json' as const, value, text });
  } catch {
    return null;
  }
}

/** Step two of {@link decodeBody}: JSON, text or binary. */
export function classifyContent(content: BodyContent): DecodedBody {
  const { bytes, info, charset } = content;
  const text = decodeTextStrict(bytes, charset, info.truncated);
  if (text === null || !looksLikeText(text)) return binary(bytes, info);
  return classifyText(text, content.labelledJson, info);
}

/** {@link decodeBody} without a limit: for the inspector's "show all" action. */
export function decodeBodyInFull(msg: TracedMessage): DecodedBody {
  return decodeBody(msg, { limitBytes: Infinity });
}

function binary(bytes: Uint8Array, info: DecodedBodyInfo): DecodedBody {
  return withInfo(info, info.warning, { kind: 'binary', bytes });
}

function classifyText(text: string, labelledJson: boolean, info: DecodedBodyInfo): DecodedBody {
  if (info.truncated) {
    // A cut JSON document never parses: say why it is shown as plain text.
    const note = labelledJson || /^\s*[[{]/.test(text) ? `Only the first ${info.decodedBytes} bytes were decoded, so the JSON is not parsed.` : undefined;
    return withInfo(info, joinWarnings(info.warning, note), { kind: 'text', text });
  }
  if (labelledJson || looksLikeJson(text)) {
    try {
      const value: unknown = JSON.parse(text);
      const note = hasUnsafeIntegerSafely(value) ? 'Contains integers beyond ±2^53, which JavaScript rounds: the raw text is exact.' : undefined;
      return withInfo(info, joinWarnings(info.warning, note), { kind: 'json', value, text });
    } catch (error) {
      if (labelledJson) {
        const reason = error instanceof Error ? error.message : String(error);
        const note = `Labelled application/json but is not valid JSON: ${reason}`;
        return withInfo(info, joinWarnings(info.warning, note), { kind: 'text', text });
      }
    }
  }
  return withInfo(info, info.warning, { kind: 'text', text });
}

/** Cheap sniff before trying JSON.parse on an unlabelled body. */
function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  return (first === '{' && last === '}') || (first === '[' && last === ']');
}

/** Whether the parsed JSON holds an integer JS could not represent exactly; false if too deep to walk. */
function hasUnsafeIntegerSafely(value: unknown): boolean {
  try {
    return hasUnsafeInteger(value);
  } catch {
    return false; // RangeError from extreme nesting: the note is optional, the display is not.
  }
}

function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.some(hasUnsafeInteger);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsafeInteger);
  return false;
}

function joinWarnings(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : `${a} ${b}`;
}

/**
 * The info facts plus the kind's own fields, with `warning` only when there
 * is one (so results compare cleanly and `'warning' in x` means something).
 * Built field by field: spreading and then deleting `warning` put every
 * result in dictionary mode, which cost field filters ~8 µs per message.
 */
function withInfo<T extends object>(info: DecodedBodyInfo, warning: string | undefined, fields: T): DecodedBodyInfo & T {
  const out: DecodedBodyInfo & T = Object.assign(
    { wireBytes: info.wireBytes, totalBytes: info.totalBytes, decodedBytes: info.decodedBytes, truncated: info.truncated, decompressed: info.decompressed },
    fields,
  );
  if (warning !== undefined) out.warning = warning;
  return out;
}
