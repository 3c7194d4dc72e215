/**
 * Binary formats carry values JSON has no word for. The tree, the field
 * filters and the diff all work on plain JSON values, so every decoded body
 * is mapped to one, deterministically:
 *
 * - byte strings (Uint8Array, ArrayBuffer views) → `{ "$bytes": "<base64>" }`
 * - bigint → its decimal string (JavaScript numbers round past 2^53)
 * - Map → an object when every key is a string or number, else
 *   `{ "$map": [[key, value], ...] }` (keys mapped the same way)
 * - Date → its ISO 8601 string (`{ "$date": "invalid" }` when not a time)
 * - NaN, ±Infinity → "NaN", "Infinity", "-Infinity"
 * - undefined → null
 * - tagged values (CBOR tags, MessagePack extensions) are built by their
 *   decoder as `{ "$tag": n, "value": ... }` / `{ "$ext": n, "data": ... }`.
 *
 * Objects are rebuilt with own data properties only, so a key such as
 * `__proto__` is an ordinary key and never a prototype.
 */

/** Deeper than this is refused: every reader of the value (tree, diff, filters) walks it recursively. */
export const MAX_DECODED_DEPTH = 200;

/** Thrown by {@link toJsonFriendly}; decoders turn it into their failure note. */
export class DecodedTooDeepError extends Error {
  constructor() {
    super(`nested deeper than ${MAX_DECODED_DEPTH} levels`);
  }
}

/** A JSON-friendly copy of `value` (see the module comment). Throws {@link DecodedTooDeepError}. */
export function toJsonFriendly(value: unknown): unknown {
  return friendly(value, 0);
}

function friendly(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'undefined':
      return null;
    case 'object':
      break;
    default:
      // Functions and symbols never come out of a decoder; say what they were rather than drop them.
      return String(value);
  }
  if (value === null) return null;
  if (depth >= MAX_DECODED_DEPTH) throw new DecodedTooDeepError();
  if (ArrayBuffer.isView(value)) return { $bytes: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  if (value instanceof ArrayBuffer) return { $bytes: bytesToBase64(new Uint8Array(value)) };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { $date: 'invalid' } : value.toISOString();
  if (Array.isArray(value)) return value.map((item: unknown) => friendly(item, depth + 1));
  if (value instanceof Map) return friendlyMap(value, depth);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) defineEntry(out, key, friendly((value as Record<string, unknown>)[key], depth + 1));
  return out;
}

function friendlyMap(map: Map<unknown, unknown>, depth: number): unknown {
  let plainKeys = true;
  for (const key of map.keys()) {
    if (typeof key !== 'string' && typeof key !== 'number') {
      plainKeys = false;
      break;
    }
  }
  if (plainKeys) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of map) defineEntry(out, String(key), friendly(item, depth + 1));
    return out;
  }
  const entries: unknown[] = [];
  for (const [key, item] of map) entries.push([friendly(key, depth + 1), friendly(item, depth + 1)]);
  return { $map: entries };
}

/** An own, enumerable, writable property even for `__proto__` (defined only then: defineProperty is slow). */
function defineEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Standard base64 (with padding), chunked so a large byte string does not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}
