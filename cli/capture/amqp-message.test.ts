import { describe, expect, it } from 'vitest';
import type { ArchiveRecord } from '../../src/archive/index.ts';
import { headerValue, publicationOf, type PublicationSettings } from './amqp-message.ts';

const settings: PublicationSettings = { exchangeMap: new Map(), publisherUser: 'replayer', stringHeaders: false };

function record(headers: Record<string, string>, exchange = 'app.events', routingKey = 'orders.eu.created'): ArchiveRecord {
  return { v: 1, receivedAt: 0, exchange, routingKey, subscription: '/exchange/app.events/#', headers, bodyEncoding: 'utf8', body: '' };
}

describe('publicationOf', () => {
  it('maps the STOMP property headers back to AMQP properties, raw', () => {
    const p = publicationOf(
      record({
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'correlation-id': 'c-1',
        'reply-to': '/reply-queue/replies',
        expiration: '60000',
        'amqp-message-id': 'm-1',
        timestamp: '1764547200',
        type: 'order',
        'user-id': 'replayer',
        'app-id': 'shop',
        priority: '3',
        persistent: 'true',
        redelivered: 'true',
      }),
      new Uint8Array([1, 2]),
      settings,
    );
    expect(p.options).toEqual({
      mandatory: true,
      contentType: 'application/json',
      contentEncoding: 'gzip',
      correlationId: 'c-1',
      replyTo: 'replies',
      expiration: '60000',
      messageId: 'm-1',
      timestamp: 1764547200,
      type: 'order',
      userId: 'replayer',
      appId: 'shop',
      priority: 3,
      deliveryMode: 2,
      headers: {},
    });
    expect([...p.content]).toEqual([1, 2]);
    expect(p.droppedUserId).toBe(false);
  });

  it('drops STOMP delivery headers, a stream offset and a user-id RabbitMQ would refuse', () => {
    const p = publicationOf(
      record({ destination: '/exchange/app.events/x', 'message-id': 'T_1', subscription: 'sub-0', ack: 'a', 'content-length': '2', 'x-stream-offset': '17', 'user-id': 'someone', persistent: '1' }),
      new Uint8Array(),
      settings,
    );
    expect(p.options).toEqual({ mandatory: true, deliveryMode: 1, headers: {} });
    expect(p.droppedUserId).toBe(true);
  });

  it('publishes custom headers in reverse (STOMP lists a table last to first), integers as integers', () => {
    const p = publicationOf(record({ a: 'text', b: '42', c: '12345678901', priority: 'high' }), new Uint8Array(), settings);
    expect(Object.keys(p.options.headers as object)).toEqual(['priority', 'c', 'b', 'a']);
    expect(p.options.headers).toEqual({ a: 'text', b: { '!': 'int', value: 42 }, c: { '!': 'long', value: 12345678901 }, priority: 'high' });
    expect(publicationOf(record({ b: '42' }), new Uint8Array(), { ...settings, stringHeaders: true }).options.headers).toEqual({ b: '42' });
  });

  it('maps the exchange and keeps the routing key', () => {
    const p = publicationOf(record({}, 'app.events', ''), new Uint8Array(), { ...settings, exchangeMap: new Map([['app.events', 'staging.events']]) });
    expect([p.exchange, p.routingKey]).toEqual(['staging.events', '']);
    expect(publicationOf(record({}, '', 'some-queue'), new Uint8Array(), settings).exchange).toBe('');
  });
});

describe('headerValue', () => {
  it('takes only the text RabbitMQ writes for an integer as one', () => {
    expect(headerValue('0')).toEqual({ '!': 'int', value: 0 });
    expect(headerValue('-2147483648')).toEqual({ '!': 'int', value: -2147483648 });
    expect(headerValue('2147483648')).toEqual({ '!': 'long', value: 2147483648 });
    for (const text of ['007', '-0', '+1', '1e3', ' 1', '1.5', '', '99999999999999999999', '9007199254740993']) expect(headerValue(text)).toBe(text);
  });
});
