/**
 * The bench's own traffic: ~200-byte JSON domain events on `app.events`, with
 * realistic multi-word keys under a unique per-run prefix, each carrying
 * `x-warren-seq` (as a 64-bit int: a small int header would not reach STOMP).
 */
import { randomBytes } from 'node:crypto';
import { APP_EVENTS_EXCHANGE } from '../generator/exchanges.ts';
import { int64, SEQ_HEADER, type OutgoingMessage } from '../generator/message.ts';
import { DOMAIN_EVENT_KEYS } from '../generator/domain-events.ts';

/** Header carrying the publisher's clock (epoch ms, as a string) for the latency run. */
export const SENT_HEADER = 'x-bench-sent';

/** The generator's own domain-event keys: the bench publishes what production would. */
export const EVENT_KEYS = DOMAIN_EVENT_KEYS;

const TENANTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];

/** A routing-key prefix no other run, test or generator uses. */
export const runPrefix = (phase: string): string => `bench-${phase}-${randomBytes(3).toString('hex')}`;

const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0').slice(-width);

/** Builds message `seq` (1-based) under `prefix`; `sentAt` adds the latency header. */
export function benchMessage(prefix: string, seq: number, sentAt?: number): OutgoingMessage {
  const key = EVENT_KEYS[seq % EVENT_KEYS.length] ?? 'orders.eu.created';
  const tenant = TENANTS[seq % TENANTS.length] ?? 'acme';
  const now = sentAt ?? Date.now();
  const h = Math.imul(seq, 2654435761);
  const body =
    `{"event_id":"evt_${hex(h, 8)}${hex(seq, 6)}","tenant":"${tenant}","order_id":"ord_${hex(h ^ 0x5bd1e995, 8)}",` +
    `"customer":{"id":"cus_${hex(h >>> 3, 8)}","country":"DE"},"amount_cents":${500 + (seq % 90000)},` +
    `"status":"${key.slice(key.lastIndexOf('.') + 1)}","occurred_at":"${new Date(now).toISOString()}"}`;
  return {
    exchange: APP_EVENTS_EXCHANGE,
    routingKey: `${prefix}.${key}`,
    content: Buffer.from(body, 'utf8'),
    options: {
      contentType: 'application/json',
      appId: 'shop-backend',
      timestamp: Math.floor(now / 1000),
      headers: {
        [SEQ_HEADER]: int64(seq),
        'x-tenant': tenant,
        ...(sentAt === undefined ? {} : { [SENT_HEADER]: String(sentAt) }),
      },
    },
  };
}
