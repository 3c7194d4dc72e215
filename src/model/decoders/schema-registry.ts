/**
 * The protobuf schemas the user loaded, and which message type a message
 * is decoded with when nobody chose one for it:
 *
 * 1. the content type's `proto=` / `messageType=` parameter, when it names a loaded type;
 * 2. a mapping whose AMQP `type` value equals the message's `type` property;
 * 3. a mapping whose content type equals the message's (without parameters);
 * 4. a mapping whose topic pattern matches the routing key (first schema, first mapping first);
 * 5. a loaded type named exactly like the message's `type` property.
 */
import { compileTopicPattern, type TopicMatcher } from '../../filter/index.ts';
import { headerOf } from '../packed-message.ts';
import type { TracedMessage } from '../types.ts';
import { contentTypeInfo, protoTypeParameter } from './content-type.ts';
import type { LoadedSchema, ProtoMessageType, SchemaMapping } from './protobuf-types.ts';

interface CompiledMapping {
  mapping: SchemaMapping;
  matches: TopicMatcher;
}

export class SchemaRegistry {
  private schemas: LoadedSchema[] = [];
  private types = new Map<string, ProtoMessageType>();
  private mappings: CompiledMapping[] = [];
  private readonly listeners = new Set<() => void>();

  /** Loaded schemas in the order they were added. */
  list(): readonly LoadedSchema[] {
    return this.schemas;
  }

  /** Every loaded message type's name, sorted. */
  typeNames(): string[] {
    return [...this.types.keys()].sort();
  }

  /** True when at least one schema is loaded (the auto choice then looks at mappings). */
  get isEmpty(): boolean {
    return this.schemas.length === 0;
  }

  /** Adds a schema, or replaces the one with the same id. */
  add(schema: LoadedSchema): void {
    const at = this.schemas.findIndex((s) => s.id === schema.id);
    if (at === -1) this.schemas = [...this.schemas, schema];
    else this.schemas = this.schemas.map((s, i) => (i === at ? schema : s));
    this.rebuild();
  }

  remove(id: string): void {
    this.schemas = this.schemas.filter((s) => s.id !== id);
    this.rebuild();
  }

  /** Replaces a schema's mappings; returns the updated schema (to persist) or null. */
  setMappings(id: string, mappings: SchemaMapping[]): LoadedSchema | null {
    const schema = this.schemas.find((s) => s.id === id);
    if (schema === undefined) return null;
    const updated = { ...schema, mappings };
    this.add(updated);
    return updated;
  }

  /** Called after any change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A loaded type by its fully qualified name (a leading dot is ignored). */
  typeNamed(name: string): ProtoMessageType | null {
    return this.types.get(name.replace(/^\./, '')) ?? null;
  }

  /** The type this message maps to (see the module comment), or null. */
  typeFor(msg: TracedMessage): ProtoMessageType | null {
    if (this.schemas.length === 0) return null;
    const ct = contentTypeInfo(msg.contentType);
    const named = protoTypeParameter(ct);
    if (named !== null) {
      const type = this.typeNamed(named);
      if (type !== null) return type;
    }
    const amqpType = headerOf(msg, 'type');
    for (const { mapping } of this.mappings) {
      if (mapping.kind === 'type' && amqpType !== undefined && mapping.pattern === amqpType) return this.typeNamed(mapping.messageType);
    }
    for (const { mapping } of this.mappings) {
      if (mapping.kind === 'content-type' && ct.mime !== '' && mapping.pattern.trim().toLowerCase() === ct.mime) return this.typeNamed(mapping.messageType);
    }
    for (const { mapping, matches } of this.mappings) {
      if (mapping.kind === 'routing-key' && matches(msg.routingKey)) return this.typeNamed(mapping.messageType);
    }
    return amqpType === undefined ? null : this.typeNamed(amqpType);
  }

  private rebuild(): void {
    this.types = new Map();
    this.mappings = [];
    for (const schema of this.schemas) {
      for (const type of schema.types) if (!this.types.has(type.name)) this.types.set(type.name, type);
      for (const mapping of schema.mappings) {
        const matches = mapping.kind === 'routing-key' ? compileTopicPattern(mapping.pattern) : () => false;
        this.mappings.push({ mapping, matches });
      }
    }
    for (const listener of this.listeners) listener();
  }
}
