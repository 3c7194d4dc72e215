/**
 * Which decoder reads a body: the user's per-message choice ("decode as…"),
 * else the one the headers name. Pure, so the choice is unit-tested.
 */
import type { TracedMessage } from '../types.ts';
import { contentTypeInfo, protoTypeParameter } from './content-type.ts';
import type { SchemaRegistry } from './schema-registry.ts';

export type DecoderId = 'json' | 'text' | 'msgpack' | 'cbor' | 'protobuf' | 'base64-json' | 'hex';

/** A decoder, and for protobuf the message type (null: none known, the reading says so). */
export interface DecoderChoice {
  decoder: DecoderId;
  protoType?: string | null;
}

export const DECODER_LABELS: Readonly<Record<DecoderId, string>> = {
  json: 'JSON',
  text: 'Text',
  msgpack: 'MessagePack',
  cbor: 'CBOR',
  protobuf: 'Protobuf',
  'base64-json': 'Base64 → JSON',
  hex: 'Hex',
};

/** "Protobuf shop.Order", "MessagePack", ... */
export function choiceLabel(choice: DecoderChoice): string {
  if (choice.decoder !== 'protobuf') return DECODER_LABELS[choice.decoder];
  return choice.protoType ? `Protobuf ${choice.protoType}` : 'Protobuf';
}

/**
 * The decoder the headers name, or null to sniff (JSON if it parses, text,
 * base64 JSON, else hex). A content type naming JSON, MessagePack, CBOR or
 * protobuf wins; a body labelled otherwise (or not at all, or as bytes) is
 * decoded as protobuf when a loaded schema maps it (schema-registry.ts).
 */
export function autoChoice(msg: TracedMessage, schemas: SchemaRegistry): DecoderChoice | null {
  const ct = contentTypeInfo(msg.contentType);
  switch (ct.format) {
    case 'msgpack':
    case 'cbor':
      return { decoder: ct.format };
    case 'json':
      return { decoder: 'json' };
    case 'protobuf': {
      const type = schemas.typeFor(msg);
      return { decoder: 'protobuf', protoType: type?.name ?? protoTypeParameter(ct) };
    }
    case 'base64':
      return { decoder: 'base64-json' };
    default: {
      const type = schemas.isEmpty ? null : schemas.typeFor(msg);
      return type === null ? null : { decoder: 'protobuf', protoType: type.name };
    }
  }
}
