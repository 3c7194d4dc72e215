/**
 * Structured decoders for bodies: MessagePack, CBOR, Zstandard, base64 JSON,
 * protobuf with user schemas, and the choice between them.
 */
export { autoChoice, choiceLabel, DECODER_LABELS, type DecoderChoice, type DecoderId } from './decoder-choice.ts';
export { readPayload, type PayloadReading, type ReadPayloadOptions } from './read-payload.ts';
export { SchemaRegistry } from './schema-registry.ts';
export { compileSchemaLazily, type CompileResult } from './protobuf-loader.ts';
export type { LoadedSchema, ProtoMessageType, SchemaError, SchemaMapping, SchemaMappingKind, SchemaSource } from './protobuf-types.ts';
export { decodeMsgpack } from './msgpack.ts';
export { decodeCbor } from './cbor.ts';
export { unzstdPrefix, MAX_ZSTD_WINDOW_BYTES } from './zstd.ts';
export { decodeBase64Json, sniffBase64Json } from './base64-json.ts';
export { toJsonFriendly, MAX_DECODED_DEPTH } from './json-friendly.ts';
export type { StructuredResult } from './result.ts';
