import { describe, expect, it } from 'vitest';
import { capturedFrames } from './fixtures/captured-frames.ts';
import { messageOf, stompFrame } from './fixtures/messages.ts';
import { shovelLagMs, splitHeaders } from './properties.ts';

describe('splitHeaders', () => {
  it('splits a captured frame with every property set', () => {
    const split = splitHeaders(messageOf(capturedFrames.orderCreated()));
    expect(split.properties).toEqual({
      contentType: 'text/evil', // the custom header that shadowed the real property, see the fixture
      persistent: true,
      priority: 3,
      correlationId: 'c-1',
      replyTo: 'amq.gen-reply/x',
      expiration: '60000',
      messageId: 'm-1',
      timestamp: '2026-11-23T16:33:22.000Z',
      type: 'order.created',
      appId: 'shop',
      redelivered: false,
    });
    expect(split.stomp).toEqual({
      'content-length': '25',
      'message-id': 'T_sub-0@@session-VSdSoJHBFZEjaB35hnMZww@@1',
      destination: '/exchange/app.events/capture.order%2Fcr%C3%A9%C3%A9.100%25',
      subscription: 'sub-0',
    });
    expect(split.custom).toEqual({
      'x-warren-seq': '7',
      'x-utf8': 'ünï',
      'x-str': 'v',
      'x-shovelled-timestamp': '1795451602',
      'x-int': '-3',
    });
  });

  it('reads persistent "1" (delivery_mode 1, captured) as not persistent', () => {
    expect(splitHeaders(messageOf(capturedFrames.celeryEvent())).properties.persistent).toBe(false);
  });

  it('keeps Celery headers as custom headers', () => {
    const { custom, properties } = splitHeaders(messageOf(capturedFrames.celeryTask()));
    expect(Object.keys(custom)).toEqual(['x-warren-seq', 'x-shovelled-timestamp', 'task', 'root_id', 'retries', 'origin', 'lang', 'kwargsrepr', 'id', 'argsrepr']);
    expect(properties.replyTo).toBe('b3b1f0a2-5a4e-3c1d-8e7f-0a1b2c3d4e5f');
  });

  it('lists property-named headers with impossible values as custom', () => {
    const frame = stompFrame('/exchange/app.events/x', { priority: 'high', timestamp: 'yesterday', 'user-id': 'svc-orders', ack: 'T_sub-0@@s@@1' }, 'x');
    const split = splitHeaders(messageOf(frame));
    expect(split.custom).toEqual({ priority: 'high', timestamp: 'yesterday' });
    expect(split.properties.userId).toBe('svc-orders');
    expect(split.stomp['ack']).toBe('T_sub-0@@s@@1');
  });

  it('returns empty groups for a frame with no properties', () => {
    const split = splitHeaders({ headers: {} });
    expect(split).toEqual({ properties: {}, stomp: {}, custom: {} });
  });
});

describe('shovelLagMs', () => {
  it('is receivedAt minus the shovel timestamp (seconds)', () => {
    const msg = messageOf(capturedFrames.gzipJson()); // x-shovelled-timestamp 1795451602, received at ...602_500
    expect(shovelLagMs(msg)).toBe(500);
  });

  it('is null without a usable header', () => {
    expect(shovelLagMs({ headers: {}, receivedAt: 1 })).toBeNull();
    expect(shovelLagMs({ headers: { 'x-shovelled-timestamp': 'soon' }, receivedAt: 1 })).toBeNull();
  });
});

describe('splitHeaders with header names that are Object members', () => {
  it('keeps toString, constructor and __proto__ as custom headers', () => {
    const headers: Record<string, string> = { toString: 'a', constructor: 'b', hasOwnProperty: 'c' };
    Object.defineProperty(headers, '__proto__', { value: 'd', enumerable: true });
    const { custom, properties } = splitHeaders({ headers });
    expect({ ...custom }).toEqual({ toString: 'a', constructor: 'b', hasOwnProperty: 'c', ['__proto__']: 'd' });
    expect(Object.hasOwn(custom, '__proto__')).toBe(true);
    expect(properties).toEqual({});
  });
});
