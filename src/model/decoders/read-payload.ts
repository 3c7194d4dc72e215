/**
 * One reading of a body: the decompressed bytes classified for the Text and
 * Hex views, plus the structured value the chosen decoder made of them. The
 * inspector shows it; filters, field charts and the diff use its value.
 */
import { bodyContent, classifyContent, type DecodeBodyOptions, type DecodedBody } from '../body.ts';
import { decodeTextStrict } from '../text-decoding.ts';
import type { TracedMessage } from '../types.ts';
import { decodeBase64Json, sniffBase64Json } from './base64-json.ts';
import { decodeCbor } from './cbor.ts';
import { contentTypeInfo } from './content-type.ts';
import { autoChoice, choiceLabel, type DecoderChoice } from './decoder-choice.ts';
import { decodeMsgpack } from './msgpack.ts';
import { failureOf, type StructuredResult } from './result.ts';
import type { SchemaRegistry } from './schema-registry.ts';

export interface PayloadReading {
  /** The body as bytes / text / JSON, with its decompression and truncation facts. */
  body: DecodedBody;
  /** What the headers chose (null: sniffed), shown as "Auto (…)". */
  auto: DecoderChoice | null;
  /** The user's choice for this message, if any. */
  override: DecoderChoice | null;
  /** What the body was read as: "JSON", "MessagePack", "Protobuf shop.Order", "Text", "Hex". */
  label: string;
  /** A structured value exists (then `value` is JSON-friendly). */
  hasValue: boolean;
  value: unknown;
  /** Why the chosen decoder failed: "MessagePack decoding failed: …". */
  error?: string;
}

/** Reads a body with `override` when given, else the auto choice. Never throws. */
export function readPayload(msg: TracedMessage, override: DecoderChoice | null, schemas: SchemaRegistry, options: DecodeBodyOptions = {}): PayloadReading {
  const auto = autoChoice(msg, schemas);
  const content = bodyContent(msg, options);
  const body = content.ok ? classifyContent(content) : content.body;
  const base = { body, auto, override };
  const choice = override ?? auto;
  if (choice === null || (choice.decoder === 'json' && override === null)) return sniffed(msg, base);
  const label = choiceLabel(choice);
  if (choice.decoder === 'text' || choice.decoder === 'hex') return { ...base, label, hasValue: false, value: undefined };
  // A body that did not decompress is already explained by its warning, and has no content to decode.
  if (!content.ok) return { ...base, label, hasValue: false, value: undefined };
  if (body.truncated) {
    const error = `${label}: only the first ${body.decodedBytes} bytes were decoded; use Load all to decode the whole body.`;
    return { ...base, label, hasValue: false, value: undefined, error };
  }
  const result = decodeWith(choice, content.bytes, body, schemas);
  if (result.ok) return { ...base, label, hasValue: true, value: result.value };
  return { ...base, label, hasValue: false, value: undefined, error: `${label} decoding failed: ${result.error}` };
}

/** No decoder named: the body's own classification, and base64 JSON when plainly that. */
function sniffed(msg: TracedMessage, base: Pick<PayloadReading, 'body' | 'auto' | 'override'>): PayloadReading {
  const { body } = base;
  if (body.kind === 'json') return { ...base, label: 'JSON', hasValue: true, value: body.value };
  if (body.kind === 'binary') return { ...base, label: 'Hex', hasValue: false, value: undefined };
  const format = contentTypeInfo(msg.contentType).format;
  const mayBeBase64 = !body.truncated && (format === 'none' || format === 'text' || format === 'bytes');
  const value = mayBeBase64 ? sniffBase64Json(body.text) : null;
  if (value !== null) return { ...base, label: 'Base64 → JSON', hasValue: true, value };
  return { ...base, label: 'Text', hasValue: false, value: undefined };
}

function decodeWith(choice: DecoderChoice, bytes: Uint8Array, body: DecodedBody, schemas: SchemaRegistry): StructuredResult {
  switch (choice.decoder) {
    case 'msgpack':
      return decodeMsgpack(bytes);
    case 'cbor':
      return decodeCbor(bytes);
    case 'json':
      return body.kind === 'json' ? { ok: true, value: body.value } : parseJson(bytes);
    case 'base64-json':
      return body.kind === 'binary' ? { ok: false, error: 'the body is not text' } : decodeBase64Json(body.text);
    case 'protobuf': {
      if (choice.protoType === undefined || choice.protoType === null) {
        return { ok: false, error: 'no message type is known for this message: load its .proto (Schemas) and map it, or pick a type in "Decode as"' };
      }
      const type = schemas.typeNamed(choice.protoType);
      if (type === null) return { ok: false, error: `no loaded schema defines ${choice.protoType}` };
      return type.decode(bytes);
    }
    default:
      return { ok: false, error: 'nothing to decode' };
  }
}

function parseJson(bytes: Uint8Array): StructuredResult {
  const text = decodeTextStrict(bytes, 'utf-8', false);
  if (text === null) return { ok: false, error: 'the body is not UTF-8 text' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return failureOf(error);
  }
}
