import { describe, expect, it } from 'vitest';
import { parseDestination, unescapeDestinationPart } from './destination.ts';

describe('parseDestination', () => {
  it('splits /exchange/<x>/<rk>', () => {
    expect(parseDestination('/exchange/app.events/orders.created')).toEqual({
      kind: 'exchange',
      exchange: 'app.events',
      routingKey: 'orders.created',
    });
  });

  it('keeps the rest after the exchange as the routing key, empty key included', () => {
    expect(parseDestination('/exchange/celery')).toEqual({ kind: 'exchange', exchange: 'celery', routingKey: '' });
    expect(parseDestination('/exchange/celery/')).toEqual({ kind: 'exchange', exchange: 'celery', routingKey: '' });
    expect(parseDestination('/exchange/x/a..b')).toMatchObject({ routingKey: 'a..b' });
  });

  it('maps /topic to amq.topic and /queue to the default exchange', () => {
    expect(parseDestination('/topic/stock.nyse.ibm')).toEqual({ kind: 'topic', exchange: 'amq.topic', routingKey: 'stock.nyse.ibm' });
    expect(parseDestination('/queue/celery')).toEqual({ kind: 'queue', exchange: '', routingKey: 'celery' });
  });

  it('treats /amq/queue and /reply-queue names as default-exchange keys', () => {
    expect(parseDestination('/amq/queue/orders%2Fin')).toEqual({ kind: 'amq-queue', exchange: '', routingKey: 'orders/in' });
    // RabbitMQ does not escape reply queue names, so `/` and `%` are literal here.
    expect(parseDestination('/reply-queue/amq.gen-reply/x%2F')).toEqual({ kind: 'reply-queue', exchange: '', routingKey: 'amq.gen-reply/x%2F' });
  });

  it('returns unknown destinations whole as kind other', () => {
    expect(parseDestination('/temp-queue/foo')).toEqual({ kind: 'other', exchange: '', routingKey: '/temp-queue/foo' });
    expect(parseDestination('')).toEqual({ kind: 'other', exchange: '', routingKey: '' });
  });

  it('decodes %2F and %25 in both exchange and key (as RabbitMQ 3.10.8 wrote them)', () => {
    expect(parseDestination('/exchange/a%2Fb/capture.order%2Fcr%C3%A9%C3%A9.100%25')).toEqual({
      kind: 'exchange',
      exchange: 'a/b',
      routingKey: 'capture.order/créé.100%',
    });
  });

  it('decodes control bytes and keeps a raw DEL (127 is not escaped)', () => {
    expect(parseDestination('/exchange/app.events/capture.%01ctl sp\u007f').routingKey).toBe('capture.\u0001ctl sp\u007f');
  });

  it('decodes multi-byte UTF-8: 2, 3 and 4 bytes', () => {
    expect(parseDestination('/topic/%C3%BC.%E2%82%AC.%F0%9F%90%87').routingKey).toBe('ü.€.🐇');
  });
});

describe('unescapeDestinationPart', () => {
  it('returns the very same string when there is nothing to decode', () => {
    const part = 'orders.created';
    expect(unescapeDestinationPart(part)).toBe(part);
  });

  it('accepts lower-case hex', () => {
    expect(unescapeDestinationPart('a%2fb%c3%a9')).toBe('a/bé');
  });

  it('keeps invalid escapes raw and decodes the valid ones around them', () => {
    expect(unescapeDestinationPart('100%')).toBe('100%');
    expect(unescapeDestinationPart('%G1.%2F')).toBe('%G1./');
    expect(unescapeDestinationPart('a%2')).toBe('a%2');
  });

  it('keeps bytes that are not UTF-8 raw instead of throwing or inventing U+FFFD', () => {
    // Lone continuation byte, truncated 3-byte sequence, overlong "/" (C0 AF), a UTF-16 surrogate.
    expect(unescapeDestinationPart('x%80y')).toBe('x%80y');
    expect(unescapeDestinationPart('%E2%82.%2F')).toBe('%E2%82./');
    expect(unescapeDestinationPart('%C0%AF')).toBe('%C0%AF');
    expect(unescapeDestinationPart('%ED%A0%80')).toBe('%ED%A0%80');
    expect(unescapeDestinationPart('%FF%C3%A9')).toBe('%FFé');
  });
});
