/**
 * Searches raw message bodies for text, without decoding them: the needle is
 * encoded to UTF-8 once and compared byte by byte, ASCII letters without
 * regard to case. A million 200-byte bodies are a ~200 MB scan, so this is a
 * plain loop over bytes: no TextDecoder, no string per body.
 *
 * Compressed bodies (content-encoding gzip) are searched as stored, i.e. not
 * at all in practice; the inspector shows them decoded.
 */
const lower = (byte: number) => (byte >= 65 && byte <= 90 ? byte | 0x20 : byte);

/** A predicate true when `body` contains `text` (ASCII case-insensitive). */
export function compileBodySearch(text: string): (body: Uint8Array) => boolean {
  const needle = new TextEncoder().encode(text).map(lower);
  const n = needle.length;
  if (n === 0) return () => true;
  const first = needle[0] ?? 0;
  const firstUpper = first >= 97 && first <= 122 ? first - 32 : first;
  return (body) => {
    const last = body.length - n;
    outer: for (let i = 0; i <= last; i++) {
      const b = body[i];
      if (b !== first && b !== firstUpper) continue;
      for (let j = 1; j < n; j++) if (lower(body[i + j] ?? 0) !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
}
