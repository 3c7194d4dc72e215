/**
 * MessagePack bodies (@msgpack/msgpack), mapped to JSON-friendly values.
 *
 * Hostile input: every declared length is capped by the body size (each
 * element takes at least one byte), so a header claiming 4 billion entries
 * fails at once; invalid UTF-8 in a string is read, not refused (one
 * character per stray byte); a key that is not
 * a string or number becomes its JSON text; nesting beyond
 * MAX_DECODED_DEPTH is refused; extension types are kept as
 * `{ "$ext": type, "data": { "$bytes": ... } }` (the timestamp extension
 * becomes an ISO date).
 */
import { decode, ExtData } from '@msgpack/msgpack';
import { toJsonFriendly } from './json-friendly.ts';
import { failureOf, type StructuredResult } from './result.ts';

/** Decodes one MessagePack document that must fill the whole body. */
export function decodeMsgpack(bytes: Uint8Array): StructuredResult {
  if (bytes.length === 0) return { ok: false, error: 'the body is empty' };
  try {
    const max = bytes.length;
    const raw = decode(bytes, {
      useBigInt64: true,
      maxStrLength: max,
      maxBinLength: max,
      maxArrayLength: max,
      maxMapLength: max,
      maxExtLength: max,
      mapKeyConverter: keyOf,
    });
    return { ok: true, value: toJsonFriendly(withExtensions(raw, 0)) };
  } catch (error) {
    // A cut body surfaces as the DataView's own RangeError: say what it means.
    if (error instanceof RangeError && /DataView|out of bounds|outside the bounds/i.test(error.message)) {
      return { ok: false, error: 'the body ends in the middle of a value (truncated or not MessagePack)' };
    }
    return failureOf(error);
  }
}

function keyOf(key: unknown): string | number {
  if (typeof key === 'string' || typeof key === 'number') return key;
  return JSON.stringify(toJsonFriendly(key)) ?? String(key);
}

/** ExtData is a class instance; spell it as data before the generic mapping. */
function withExtensions(value: unknown, depth: number): unknown {
  if (value instanceof ExtData) {
    const data = value.data instanceof Uint8Array ? value.data : new Uint8Array(0);
    return { $ext: value.type, data };
  }
  if (depth > 256 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => withExtensions(item, depth + 1));
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item !== null && typeof item === 'object') record[key] = withExtensions(item, depth + 1);
  }
  return record;
}
