/**
 * CBOR bodies (cborg), mapped to JSON-friendly values.
 *
 * Maps are decoded as Map (so integer or byte-string keys survive) and
 * rebuilt as objects; every tag is kept as `{ "$tag": n, "value": ... }`
 * (cborg refuses tags it has no decoder for, so one generic decoder answers
 * for every tag number); undefined becomes null; bigints become strings.
 * A declared length beyond the body fails with cborg's "not enough data";
 * nesting too deep for the decoder's recursion is reported, not thrown.
 */
import { decode, type TagDecoder } from 'cborg';
import { toJsonFriendly } from './json-friendly.ts';
import { failureOf, type StructuredResult } from './result.ts';

const TAG = Symbol('cbor tag');

interface TaggedValue {
  [TAG]: true;
  tag: number;
  value: unknown;
}

/**
 * A decoder for any tag number: cborg looks tags up by index, so a Proxy
 * answers for all of them. Marked pure: a bundler keeps a module whose top
 * level calls a constructor it cannot see into, so this one stayed in every
 * worker that imports the model's index, none of which decodes CBOR (cborg
 * itself is left out of them by vite.config.ts's treeshake rule).
 */
const ANY_TAG = /* @__PURE__ */ new Proxy<Record<number, TagDecoder>>(
  {},
  {
    get: (_target, key) => {
      const tag = typeof key === 'string' ? Number(key) : NaN;
      if (!Number.isInteger(tag)) return undefined;
      const decoder: TagDecoder = (content) => ({ [TAG]: true, tag, value: content() }) satisfies TaggedValue;
      return decoder;
    },
  },
);

/** Decodes one CBOR data item that must fill the whole body. */
export function decodeCbor(bytes: Uint8Array): StructuredResult {
  if (bytes.length === 0) return { ok: false, error: 'the body is empty' };
  try {
    const raw: unknown = decode(bytes, {
      useMaps: true,
      tags: ANY_TAG,
      allowUndefined: true,
      allowIndefinite: true,
      allowInfinity: true,
      allowNaN: true,
      allowBigInt: true,
    });
    return { ok: true, value: toJsonFriendly(withTags(raw, 0)) };
  } catch (error) {
    return failureOf(error);
  }
}

function isTagged(value: unknown): value is TaggedValue {
  return value !== null && typeof value === 'object' && TAG in value;
}

/** Replaces the tag markers (a symbol key, which the generic mapping would drop) with `$tag` objects. */
function withTags(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > 256) return value;
  if (isTagged(value)) return { $tag: value.tag, value: withTags(value.value, depth + 1) };
  if (Array.isArray(value)) return value.map((item: unknown) => withTags(item, depth + 1));
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const [key, item] of value) out.set(withTags(key, depth + 1), withTags(item, depth + 1));
    return out;
  }
  return value;
}
