/**
 * Text decoding shared by the preview, the inspector, the filters and the
 * conversation index: strict decoding (invalid bytes mean "binary", not
 * U+FFFD) that tolerates a cut in the middle of a character when only a
 * prefix of the body is decoded, and a lenient UTF-8 one; both read ASCII
 * without a TextDecoder.
 */

/**
 * Bodies up to this many bytes are read as ASCII without a TextDecoder when
 * every byte is below 0x80 (most JSON is), for JSON.parse. Measured in the
 * page: in the conversation index's ingest (Celery mix, CPU profile) a
 * `TextDecoder.decode` of a few hundred bytes took ~7 µs a call, more than
 * JSON.parse of its result, and the index's ingest went from 82,000 to
 * 99,000 msg/s with this path (bench: conversations); a `$.field` re-filter
 * of a million messages from 2.85 to 2.5 s on top of the cached decoders
 * below (bench: capacity); the first `body:/regex/` re-filter was 3× faster
 * (the filter's bodyText). Larger bodies go to the decoder, so that one
 * call's argument count stays small.
 */
const ASCII_FAST_PATH_BYTES = 4096;

/** The bytes as a string when all are ASCII (and few enough), else null. */
export function asciiText(bytes: Uint8Array): string | null {
  if (bytes.length > ASCII_FAST_PATH_BYTES) return null;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return null;
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

const lenientUtf8 = new TextDecoder();

/** `bytes` as UTF-8, invalid bytes as U+FFFD (TextDecoder's default), ASCII read without it. */
export function decodeUtf8(bytes: Uint8Array): string {
  return asciiText(bytes) ?? lenientUtf8.decode(bytes);
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** Does this charset label name UTF-8 (whose text is the bytes themselves when all are ASCII)? */
export function isUtf8Label(charset: string): boolean {
  return UTF8_LABELS.has(charset.toLowerCase());
}

/**
 * Strict decoders by label, made once: a re-filter reads up to a million
 * bodies, and a TextDecoder per body cost more than the decode. Only for
 * whole bodies: a prefix is decoded with `stream`, which keeps state.
 */
const strictDecoders = new Map<string, TextDecoder>();

function strictDecoder(charset: string): TextDecoder {
  let decoder = strictDecoders.get(charset);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(charset, { fatal: true });
    } catch {
      decoder = new TextDecoder('utf-8', { fatal: true });
    }
    // Labels come from message headers: keep the cache from growing without bound.
    if (strictDecoders.size < 32) strictDecoders.set(charset, decoder);
  }
  return decoder;
}

/**
 * Decodes `bytes` strictly in `charset` (a TextDecoder label; unknown labels
 * fall back to UTF-8). `isPrefix` says the bytes were cut from a longer body:
 * an incomplete character at the very end is then dropped instead of being an
 * error. Returns null when the bytes are not valid text in that charset.
 */
export function decodeTextStrict(bytes: Uint8Array, charset: string, isPrefix: boolean): string | null {
  // ASCII is valid UTF-8 and never a cut character.
  const ascii = isUtf8Label(charset) ? asciiText(bytes) : null;
  if (ascii !== null) return ascii;
  try {
    if (!isPrefix) return strictDecoder(charset).decode(bytes);
    // stream: true holds back a trailing partial sequence instead of failing on it.
    return new TextDecoder(strictDecoder(charset).encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

/** Share of control characters above which decoded text is treated as binary. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Heuristic for "is this human-readable text": valid UTF-8 can still be binary
 * (short byte runs often are). Any NUL, or more than 10% control characters
 * (C0 except tab/newline/CR/form feed, DEL, C1), means binary.
 */
export function looksLikeText(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32) {
      if (code === 0) return false;
      if (code !== 9 && code !== 10 && code !== 13 && code !== 12) controls++;
    } else if (code >= 127 && code < 160) {
      controls++;
    }
  }
  return controls <= text.length * MAX_CONTROL_SHARE;
}
