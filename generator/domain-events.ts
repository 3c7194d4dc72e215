/**
 * Domain events on `app.events`, shaped like a typical microservice estate:
 * multi-word topic keys (`<entity>.<region>.<verb>`, plus a two-word one), and
 * producers that differ in how carefully they fill AMQP properties.
 */
import { APP_EVENTS_EXCHANGE } from './exchanges.ts';
import { epochSeconds, int32, int64, jsonBuffer, SEQ_HEADER } from './message.ts';
import type { BuildContext, Headers, JsonValue, OutgoingMessage, PublishOptions } from './message.ts';
import { chance, hex, pick, randInt, uuid } from './random.ts';
import type { Rng } from './random.ts';

export const DOMAIN_EVENT_KEYS = [
  'orders.eu.created',
  'orders.us.created',
  'orders.us.cancelled',
  'orders.eu.shipped',
  'payments.eu.failed',
  'payments.us.captured',
  'users.signup',
  'users.eu.deleted',
  'inventory.eu.low',
] as const;
export type DomainEventKey = (typeof DOMAIN_EVENT_KEYS)[number];

const TENANTS = ['acme', 'globex', 'initech', 'umbrella'];
const SKUS = ['SKU-RED-MUG', 'SKU-BLK-TEE-M', 'SKU-USB-C-1M', 'SKU-DESK-LAMP', 'SKU-NOTEBOOK-A5'];

function region(key: DomainEventKey): 'eu' | 'us' {
  return key.split('.')[1] === 'us' ? 'us' : 'eu';
}

function orderId(rng: Rng): string {
  return `ord_${hex(rng, 12)}`;
}

function body(key: DomainEventKey, rng: Rng, iso: string): Record<string, JsonValue> {
  const currency = region(key) === 'us' ? 'USD' : 'EUR';
  switch (key) {
    case 'orders.eu.created':
    case 'orders.us.created': {
      const items = Array.from({ length: randInt(rng, 1, 4) }, () => ({
        sku: pick(rng, SKUS),
        qty: randInt(rng, 1, 5),
        unit_price_cents: randInt(rng, 199, 14999),
      }));
      const total = items.reduce((sum, i) => sum + i.qty * i.unit_price_cents, 0);
      return {
        order_id: orderId(rng),
        customer: { id: `cus_${hex(rng, 14)}`, email: `buyer${randInt(rng, 1, 99999)}@example.com`, country: region(key) === 'us' ? 'US' : pick(rng, ['DE', 'FR', 'NL', 'IE']) },
        items,
        total_cents: total,
        currency,
        created_at: iso,
      };
    }
    case 'orders.us.cancelled':
      return { order_id: orderId(rng), reason: pick(rng, ['customer_request', 'fraud_suspected', 'out_of_stock']), cancelled_at: iso };
    case 'orders.eu.shipped':
      return {
        order_id: orderId(rng),
        carrier: pick(rng, ['DHL', 'DPD', 'PostNL']),
        tracking_number: `JJD${randInt(rng, 10000000, 99999999)}`,
        address: { city: pick(rng, ['Berlin', 'Lyon', 'Utrecht', 'Cork']), postcode: String(randInt(rng, 10000, 99999)) },
        shipped_at: iso,
      };
    case 'payments.eu.failed':
      return {
        payment_id: `pay_${hex(rng, 16)}`,
        order_id: orderId(rng),
        amount_cents: randInt(rng, 500, 90000),
        currency,
        error: { code: 'card_declined', decline_code: pick(rng, ['insufficient_funds', 'expired_card', 'do_not_honor']) },
        failed_at: iso,
      };
    case 'payments.us.captured':
      return { payment_id: `pay_${hex(rng, 16)}`, order_id: orderId(rng), amount_cents: randInt(rng, 500, 90000), currency, captured_at: iso };
    case 'users.signup':
      return { user_id: randInt(rng, 1000, 999999), email: `new${randInt(rng, 1, 99999)}@example.org`, plan: pick(rng, ['free', 'pro', 'team']), referrer: chance(rng, 0.3) ? 'newsletter' : null, signed_up_at: iso };
    case 'users.eu.deleted':
      return { user_id: randInt(rng, 1000, 999999), gdpr_request: true, deleted_at: iso };
    case 'inventory.eu.low':
      return { sku: pick(rng, SKUS), warehouse: pick(rng, ['AMS-1', 'FRA-2']), on_hand: randInt(rng, 0, 9), threshold: 10, checked_at: iso };
  }
}

/**
 * Which properties a producer fills. Orders and payments come from careful
 * services (message_id, app_id, type, timestamp, tracing headers); users and
 * inventory from sloppier ones, so the dashboard sees both kinds.
 */
function options(key: DomainEventKey, rng: Rng, ctx: BuildContext, seq: number): PublishOptions {
  const entity = key.split('.')[0] ?? 'unknown';
  const headers: Headers = { [SEQ_HEADER]: int64(seq) };
  const base: PublishOptions = { contentType: 'application/json', headers };
  if (entity === 'orders' || entity === 'payments') {
    headers.tenant = pick(rng, TENANTS);
    headers['trace-id'] = hex(rng, 32);
    if (entity === 'payments') headers.attempt = int32(randInt(rng, 1, 3));
    return {
      ...base,
      contentEncoding: 'utf-8',
      deliveryMode: 2,
      messageId: uuid(rng),
      appId: entity === 'orders' ? 'shop-api' : 'billing-svc',
      type: key.replace(/\.(eu|us)\./, '.'),
      timestamp: epochSeconds(ctx.now),
    };
  }
  if (entity === 'inventory') {
    headers.warehouse = pick(rng, ['AMS-1', 'FRA-2']);
    return { ...base, deliveryMode: 1, timestamp: epochSeconds(ctx.now) };
  }
  return base;
}

export function buildDomainEvent(seq: number, rng: Rng, ctx: BuildContext, key: DomainEventKey = pick(rng, DOMAIN_EVENT_KEYS)): OutgoingMessage {
  const iso = new Date(ctx.now).toISOString();
  const opts = options(key, rng, ctx, seq);
  return { exchange: APP_EVENTS_EXCHANGE, routingKey: key, content: jsonBuffer(body(key, rng, iso)), options: opts };
}
