/**
 * One reading of a body: the decompressed bytes classified for the Text and
 * Hex views, plus the structured value the chosen decoder made of them. The
 * inspector shows it; filters, field charts and the diff use its value.
 */
import { binaryContent, bodyContent, classifyContent, plainJsonContent, type DecodeBodyOptions, type DecodedBody } from '../body.ts';
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

export interface ReadPayloadOptions extends DecodeBodyOptions {
  /**
   * Only `value` matters (field filters, charts, diff): a body read by a
   * binary decoder is not also tried as text (`body` is then `binary`).
   */
  valueOnly?: boolean;
}

/** Decoders whose input is bytes, never text: their body needs no text classification for the value. */
const BYTES_DECODERS = new Set<DecoderChoice['decoder']>(['msgpack', 'cbor', 'protobuf']);

/** Reads a body with `override` when given, else the auto choice. Never throws. */
export function readPayload(msg: TracedMessage, override: DecoderChoice | null, schemas: SchemaRegistry, options: ReadPayloadOptions = {}): PayloadReading {
  const auto = autoChoice(msg, schemas);
  const content = bodyContent(msg, options);
  const choice = override ?? auto;
  const valueOnly = options.valueOnly === true;
  let body: DecodedBody;
  if (!content.ok) body = content.body;
  else if (valueOnly && choice !== null && BYTES_DECODERS.has(choice.decoder)) body = binaryContent(content);
  else if (valueOnly && (choice === null || choice.decoder === 'json')) body = plainJsonContent(content) ?? classifyContent(content);
  else body = classifyContent(content);
  // Built as one literal shape (no spreads): field filters read a million of these.
  const reading: PayloadReading = { body, auto, override, label: '', hasValue: false, value: undefined };
  if (choice === null || (choice.decoder === 'json' && override === null)) return sniffed(msg, reading);
  const label = choiceLabel(choice);
  reading.label = label;
  if (choice.decoder === 'text' || choice.decoder === 'hex') return reading;
  // A body that did not decompress is already explained by its warning, and has no content to decode.
  if (!content.ok) return reading;
  if (body.truncated) {
    reading.error = `${label}: only the first ${body.decodedBytes} bytes were decoded; use Load all to decode the whole body.`;
    return reading;
  }
  const result = decodeWith(choice, content.bytes, body, schemas);
  if (result.ok) {
    reading.hasValue = true;
    reading.value = result.value;
  } else {
    reading.error = `${label} decoding failed: ${result.error}`;
  }
  return reading;
}

/** No decoder named: the body's own classification, and base64 JSON when plainly that. */
function sniffed(msg: TracedMessage, reading: PayloadReading): PayloadReading {
  const { body } = reading;
  if (body.kind === 'json') {
    reading.label = 'JSON';
    reading.hasValue = true;
    reading.value = body.value;
    return reading;
  }
  reading.label = body.kind === 'binary' ? 'Hex' : 'Text';
  if (body.kind === 'binary') return reading;
  const format = contentTypeInfo(msg.contentType).format;
  const mayBeBase64 = !body.truncated && (format === 'none' || format === 'text' || format === 'bytes');
  const value = mayBeBase64 ? sniffBase64Json(body.text) : null;
  if (value !== null) {
    reading.label = 'Base64 → JSON';
    reading.hasValue = true;
    reading.value = value;
  }
  return reading;
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
