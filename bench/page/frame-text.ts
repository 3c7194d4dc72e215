/**
 * What every synthetic frame builder shares: a deterministic hash (so a
 * reload builds the same frames), hex digits from it, and the STOMP 1.2
 * MESSAGE text with headers in the order given (web_stomp's wire order).
 */

/** A cheap deterministic 32-bit hash. */
export function mix(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').slice(-width);

/** STOMP 1.2 header escaping (Celery's kwargsrepr has colons: web_stomp sends them as `\c`). */
const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/:/g, '\\c');

/**
 * A MESSAGE frame: `headers` as they go on the wire, then content-length and
 * the body. Bodies here are ASCII only, so chars == bytes.
 */
export function messageFrameText(headers: readonly (readonly [string, string])[], body: string): string {
  const head = headers.map(([k, v]) => `${k}:${esc(v)}`).join('\n');
  return `MESSAGE\n${head}\ncontent-length:${body.length}\n\n${body}\0`;
}
