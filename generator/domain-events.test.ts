import { describe, expect, it } from 'vitest';
import { buildDomainEvent, DOMAIN_EVENT_KEYS } from './domain-events.ts';
import { SEQ_HEADER } from './message.ts';
import { createRng } from './random.ts';
import { parseJson, wireHeaders } from './test-helpers.ts';

const ctx = { now: Date.UTC(2024, 2, 3, 4, 5, 6) };

describe('domain events', () => {
  it('builds valid JSON for every key, on app.events, numbered', () => {
    const rng = createRng(11);
    for (const key of DOMAIN_EVENT_KEYS) {
      const msg = buildDomainEvent(100, rng, ctx, key);
      expect(msg.exchange).toBe('app.events');
      expect(msg.routingKey).toBe(key);
      expect(msg.routingKey.split('.').length).toBeGreaterThanOrEqual(2);
      expect(typeof parseJson(msg)).toBe('object');
      expect(wireHeaders(msg)[SEQ_HEADER]).toBe(100);
    }
  });

  it('fills properties and tracing headers for orders', () => {
    const msg = buildDomainEvent(1, createRng(2), ctx, 'orders.eu.created');
    expect(msg.options).toMatchObject({ appId: 'shop-api', type: 'orders.created', timestamp: Math.floor(ctx.now / 1000) });
    expect(msg.options.messageId).toMatch(/^[0-9a-f-]{36}$/);
    const headers = wireHeaders(msg);
    expect(typeof headers.tenant).toBe('string');
    expect(headers['trace-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(parseJson(msg)).toMatchObject({ currency: 'EUR', created_at: '2024-03-03T04:05:06.000Z' });
  });

  it('leaves sloppy producers without message_id', () => {
    const msg = buildDomainEvent(1, createRng(2), ctx, 'users.signup');
    expect(msg.options.messageId).toBeUndefined();
    expect(msg.options.contentType).toBe('application/json');
  });
});
