/**
 * The value of the most common body in a field filter's re-filter, read
 * without the general path: labelled JSON, not compressed, UTF-8, all ASCII,
 * under the body limit, and no "decode as…" choice. readPayload builds a
 * content coding, a body reading and a payload reading per message for the
 * inspector's sake; a `$.field` re-filter of a million messages needs only
 * the parsed value. Anything else (and a body that does not parse, whose
 * reading has more to say) answers NOT_PLAIN_JSON, and the caller takes
 * readPayload, whose value this equals (read-payload.test.ts checks both).
 */
import { DEFAULT_BODY_LIMIT_BYTES } from '../body.ts';
import { contentCodingOfMessage } from '../content-coding.ts';
import { asciiText, isUtf8Label } from '../text-decoding.ts';
import type { TracedMessage } from '../types.ts';
import { contentTypeInfo } from './content-type.ts';

export const NOT_PLAIN_JSON: unique symbol = Symbol('not plain JSON');

/** Labelled JSON, not compressed, UTF-8, under the body limit (all ASCII is the reader's to check). */
export function isPlainJsonBody(msg: TracedMessage): boolean {
  const { body } = msg;
  if (body.length === 0 || body.length > DEFAULT_BODY_LIMIT_BYTES || contentTypeInfo(msg.contentType).format !== 'json') return false;
  const coding = contentCodingOfMessage(msg);
  return coding.compression.kind === 'none' && isUtf8Label(coding.charset);
}

export function plainJsonValue(msg: TracedMessage): unknown {
  if (!isPlainJsonBody(msg)) return NOT_PLAIN_JSON;
  const text = asciiText(msg.body);
  if (text === null) return NOT_PLAIN_JSON;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_PLAIN_JSON;
  }
}
