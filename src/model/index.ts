/**
 * The message model: what the ingest path keeps per message, and the lazy
 * decoders the table, inspector and filters use on it.
 */
export type { TracedMessage } from './types.ts';
export { parseDestination, unescapeDestinationPart } from './destination.ts';
export type { DestinationKind, ParsedDestination } from './destination.ts';
export { checkDestination, mergeRepeatedHashes, type DestinationCheck } from './subscription-destination.ts';
export { StringInterner } from './interner.ts';
export { BodySlab, MAX_PACKED_BODY } from './body-slab.ts';
export type { StringInternerOptions } from './interner.ts';
export { emptyKeyFields, keyFieldsOf, messageFromFrame, parseSequenceNumber, WARREN_SEQ_HEADER } from './frame-to-message.ts';
export type { KeyFields, StompMessageFrame } from './frame-to-message.ts';
export { HeaderBlock, headerNamesOf, headerOf, headersForOnePass, PackedMessage } from './packed-message.ts';
export { HeaderPacker, unpackHeaders, type PackedHeaders } from './packed-headers.ts';
export { BATCH_MESSAGES, ingestMessageBatch, MessageBatchReader, MessageBatcher, type BatchTarget, type MessageBatch } from './message-batch.ts';
export { bodyPreview, DEFAULT_PREVIEW_CHARS } from './body-preview.ts';
export { decodeBody, decodeBodyInFull, DEFAULT_BODY_LIMIT_BYTES } from './body.ts';
export type { DecodeBodyOptions, DecodedBody, DecodedBodyInfo } from './body.ts';
export type { CompressedFormat } from './decompress.ts';
export { hexDump } from './hex-dump.ts';
export { decodeUtf8 } from './text-decoding.ts';
export { decodeCelery, decodeCeleryEvent, decodeCeleryResult, decodeCeleryTask, CELERY_EVENT_EXCHANGE } from './celery.ts';
export type { CeleryEmbed, CeleryEvent, CeleryEventMessage, CeleryInfo, CeleryResult, CeleryTask } from './celery.ts';
export { shovelLagMs, splitHeaders, SHOVELLED_TIMESTAMP_HEADER } from './properties.ts';
export type { AmqpProperties, SplitHeaders } from './properties.ts';
export { PayloadDecoding } from './payload-decoding.ts';
export { valueAtPath, type FieldSegment } from './value-at-path.ts';
export { MAX_DECODE_OVERRIDES } from './payload-decoding.ts';
export { autoChoice, choiceLabel, compileSchemaLazily, DECODER_LABELS, readPayload, SchemaRegistry, toJsonFriendly, MAX_DECODED_DEPTH } from './decoders/index.ts';
export type { CompileResult } from './decoders/index.ts';
export type { DecoderChoice, DecoderId, LoadedSchema, PayloadReading, ProtoMessageType, SchemaError, SchemaMapping, SchemaMappingKind, SchemaSource, StructuredResult } from './decoders/index.ts';
