/**
 * The shape every builder returns, and the header encodings that decide what a
 * STOMP subscriber on the mirror will actually see.
 */
import type { Options } from 'amqplib';

/** Header carried by every generated message: +1 per message within a run. */
export const SEQ_HEADER = 'x-warren-seq';
/** Set by the worker on events/replies: the `x-warren-seq` of the task that caused them. */
export const ORIGIN_SEQ_HEADER = 'x-warren-origin-seq';
/**
 * On a task or an RPC request (any value): the worker sends task-received and
 * task-started but neither the result nor the terminal event, as if it died
 * mid-task; the RPC service sends no reply. Makes "timed out" exact in tests.
 */
export const DROP_REPLY_HEADER = 'x-warren-drop-reply';

/**
 * amqplib's explicit-type escape hatch. Needed because amqplib encodes a bare
 * JS number by size (`b` byte, `s` short, ...), and RabbitMQ's STOMP adapter
 * forwards only `longstr`, `signedint` (`I`) and `long` (`l`) headers: a bare
 * `x-warren-seq: 1` would silently vanish on the way to the browser.
 */
export interface TypedInt {
  '!': 'int' | 'long';
  value: number;
}

/** Header values as amqplib accepts them. null/boolean/array are sent on purpose (Celery does). */
export type HeaderValue = string | number | boolean | null | TypedInt | HeaderValue[];
export type Headers = Record<string, HeaderValue>;

export interface PublishOptions extends Omit<Options.Publish, 'headers'> {
  headers?: Headers;
}

/** One message ready for `channel.publish`; produced by pure builders, so testable without a broker. */
export interface OutgoingMessage {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: PublishOptions;
}

/** A 32-bit signed int header, which is what py-amqp (Celery) sends for Python ints. */
export function int32(value: number): TypedInt {
  return { '!': 'int', value };
}

/** A 64-bit signed int header; used for sequence numbers so they never overflow. */
export function int64(value: number): TypedInt {
  return { '!': 'long', value };
}

/** Reads an integer header back, whatever width it was encoded with. */
export function readIntHeader(headers: Record<string, unknown> | undefined, name: string): number | undefined {
  const raw = headers?.[name];
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return Number(raw);
  return undefined;
}

/** Context shared by builders; the clock is an input so builders stay pure. */
export interface BuildContext {
  /** Epoch milliseconds to stamp into bodies and properties. */
  now: number;
}

export function jsonBuffer(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
