/**
 * The page's one way to read a body as a structured value, shared by the
 * inspector, the filter's field terms, field charts and the diff, so they all
 * agree on what a message "contains" whatever its encoding.
 *
 * It owns what decoding depends on beyond the message itself (the user's
 * per-message "decode as…" choices, loaded protobuf schemas); `version`
 * moves when any of that changes, so whoever memoised a result recomputes.
 */
import type { DecodeBodyOptions } from './body.ts';
import type { DecoderChoice } from './decoders/decoder-choice.ts';
import { FIELD_ABSENT, plainJsonField } from './decoders/plain-json-field.ts';
import { NOT_PLAIN_JSON, plainJsonValue } from './decoders/plain-json-value.ts';
import { readPayload, type PayloadReading } from './decoders/read-payload.ts';
import { SchemaRegistry } from './decoders/schema-registry.ts';
import type { TracedMessage } from './types.ts';
import { valueAtPath, type FieldSegment } from './value-at-path.ts';

/** Per-message choices kept: the oldest is forgotten beyond this (a choice is a click, not data). */
export const MAX_DECODE_OVERRIDES = 5000;

/** valueOf's reading: the value alone, without what only the inspector shows. */
const VALUE_ONLY = { valueOnly: true } as const;

export class PayloadDecoding {
  private changes = 0;
  private readonly listeners = new Set<() => void>();
  /** "Decode as…" choices by seq, oldest first (a Map keeps insertion order). */
  private readonly overrides = new Map<number, DecoderChoice>();
  /** Loaded protobuf schemas and their mappings; a change moves `version`. */
  readonly schemas = new SchemaRegistry();
  /** The last message decoded by readPayload (not plain JSON), at `lastReadVersion`, and its value. */
  private lastRead: TracedMessage | null = null;
  private lastReadVersion = -1;
  private lastReadValue: unknown = undefined;

  constructor() {
    this.schemas.subscribe(() => this.changed());
  }

  /** Moves when a decoding choice changes (an override, a schema). */
  get version(): number {
    return this.changes;
  }

  /** Called after any decoding choice changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The body as a structured value (JSON, MessagePack, CBOR, protobuf or
   * base64 JSON, decompressed first, JSON-friendly: see decoders/), or
   * undefined when it is not one. Never throws: a body that does not decode
   * has no value. Called per message by field filters and field charts.
   */
  valueOf(message: TracedMessage): unknown {
    const override = this.overrides.get(message.seq) ?? null;
    if (override === null) {
      const value = plainJsonValue(message);
      if (value !== NOT_PLAIN_JSON) return value;
    }
    return this.decodedValue(message, override);
  }

  /**
   * One field of the body (valueAtPath on valueOf), undefined when the body
   * has none there or is not a structured value: what a `$.field` filter
   * term and a field chart read of every message. A plain JSON body is
   * scanned for the field alone (plain-json-field.ts), never parsed whole.
   */
  fieldOf(message: TracedMessage, segments: readonly FieldSegment[]): unknown {
    const override = this.overrides.get(message.seq) ?? null;
    if (override === null) {
      const value = plainJsonField(message, segments);
      if (value === FIELD_ABSENT) return undefined;
      if (value !== NOT_PLAIN_JSON) return value;
    }
    return valueAtPath(this.decodedValue(message, override), segments);
  }

  /**
   * readPayload's value, kept for the last message: several fields of one
   * message are read in a row (field charts, a filter's terms, valueOf and
   * fieldOf alike), and it is decoded once.
   */
  private decodedValue(message: TracedMessage, override: DecoderChoice | null): unknown {
    if (message !== this.lastRead || this.lastReadVersion !== this.changes) {
      this.lastRead = message;
      this.lastReadVersion = this.changes;
      this.lastReadValue = readPayload(message, override, this.schemas, VALUE_ONLY).value;
    }
    return this.lastReadValue;
  }

  /**
   * The whole reading (the inspector's): body for Text/Hex, the decoder used,
   * its value or its failure. Honours the message's override. Never throws.
   */
  read(message: TracedMessage, options?: DecodeBodyOptions): PayloadReading {
    return readPayload(message, this.overrides.get(message.seq) ?? null, this.schemas, options);
  }

  /** The user's "decode as…" choice for a message, or null (auto). */
  overrideOf(seq: number): DecoderChoice | null {
    return this.overrides.get(seq) ?? null;
  }

  /** Sets (or with null, clears) a message's "decode as…" choice. */
  setOverride(seq: number, choice: DecoderChoice | null): void {
    this.overrides.delete(seq);
    if (choice !== null) {
      this.overrides.set(seq, choice);
      if (this.overrides.size > MAX_DECODE_OVERRIDES) {
        const oldest = this.overrides.keys().next();
        if (oldest.done !== true) this.overrides.delete(oldest.value);
      }
    }
    this.changed();
  }

  protected changed(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }
}
