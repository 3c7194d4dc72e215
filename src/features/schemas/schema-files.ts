/**
 * What a picked file is, and whether a mapping the user typed makes sense.
 * Pure, so tested.
 */
import type { SchemaMapping, SchemaMappingKind, SchemaSource } from '../../model/index.ts';

/** Larger than any real schema; a mistaken pick of a huge file is refused before reading it. */
export const MAX_SCHEMA_FILE_BYTES = 8 * 1024 * 1024;

export const MAPPING_KIND_LABELS: Record<SchemaMappingKind, string> = {
  'routing-key': 'Routing key pattern',
  type: 'AMQP type property',
  'content-type': 'Content type',
};

/** `.proto` is text; `.desc`, `.pb`, `.binpb`, `.protoset` (and anything else) a binary FileDescriptorSet. */
export function schemaKindOfFile(fileName: string): SchemaSource['kind'] {
  return /\.proto$/i.test(fileName) ? 'proto' : 'descriptor-set';
}

/** A new schema id that sorts by time of adding (storage order = load order). */
export function newSchemaId(now: number, random: number): string {
  return `${now.toString(36).padStart(10, '0')}-${Math.floor(random * 1e9).toString(36)}`;
}

/** Null when the mapping can be added, else why not. */
export function mappingProblem(mapping: SchemaMapping, existing: readonly SchemaMapping[]): string | null {
  const pattern = mapping.pattern.trim();
  if (pattern === '') return 'Type a pattern to match.';
  if (mapping.messageType === '') return 'Pick a message type.';
  if (existing.some((m) => m.kind === mapping.kind && m.pattern === pattern)) return `${MAPPING_KIND_LABELS[mapping.kind]} "${pattern}" is already mapped.`;
  return null;
}

/** "orders.*.placed → shop.v1.Order (routing key)". */
export function mappingText(mapping: SchemaMapping): string {
  const kind = mapping.kind === 'routing-key' ? 'routing key' : mapping.kind === 'type' ? 'type property' : 'content type';
  return `${mapping.pattern} → ${mapping.messageType} (${kind})`;
}
