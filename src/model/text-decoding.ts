/**
 * Text decoding shared by the preview and the inspector: strict decoding
 * (invalid bytes mean "binary", not U+FFFD) that tolerates a cut in the middle
 * of a character when only a prefix of the body is decoded.
 */

/**
 * Decodes `bytes` strictly in `charset` (a TextDecoder label; unknown labels
 * fall back to UTF-8). `isPrefix` says the bytes were cut from a longer body:
 * an incomplete character at the very end is then dropped instead of being an
 * error. Returns null when the bytes are not valid text in that charset.
 */
export function decodeTextStrict(bytes: Uint8Array, charset: string, isPrefix: boolean): string | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    // stream: true holds back a trailing partial sequence instead of failing on it.
    return decoder.decode(bytes, { stream: isPrefix });
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
