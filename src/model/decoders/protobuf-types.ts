/**
 * The shapes the schema registry and the payload decoding share with the
 * protobuf loader, which is a separate, lazily loaded chunk
 * (protobuf-schema.ts): nothing here imports a protobuf library.
 */
import type { StructuredResult } from './result.ts';

/** One message type of a loaded schema, ready to decode bodies. */
export interface ProtoMessageType {
  /** Fully qualified name without the leading dot: `shop.Order`. */
  readonly name: string;
  /** Decodes a body as this type into JSON-friendly values (never throws). */
  decode(bytes: Uint8Array): StructuredResult;
}

/** How messages are matched to a type without being told per message. */
export type SchemaMappingKind = 'routing-key' | 'type' | 'content-type';

export interface SchemaMapping {
  kind: SchemaMappingKind;
  /** A topic pattern (`orders.*.created`), an AMQP `type` value, or a content type (`application/vnd.shop.order`). */
  pattern: string;
  /** The fully qualified message type to decode with. */
  messageType: string;
}

/** What the user gave: kept as is (IndexedDB), compiled again at each start. */
export interface SchemaSource {
  id: string;
  fileName: string;
  kind: 'proto' | 'descriptor-set';
  /** The .proto text, or the FileDescriptorSet bytes. */
  content: string | Uint8Array;
  mappings: SchemaMapping[];
}

/** A source with its compiled message types. */
export interface LoadedSchema extends SchemaSource {
  types: readonly ProtoMessageType[];
}

/** Why a schema did not load, with the position when the parser gave one. */
export interface SchemaError {
  message: string;
  line?: number;
  column?: number;
}
