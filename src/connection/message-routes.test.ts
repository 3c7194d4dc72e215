import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageBatcher, type KeyFields, type MessageBatch, type StompMessageFrame } from '../model/index.ts';
import { CumulativeAcker } from './durable-capture.ts';
import { MessageRoutes, type Route } from './message-routes.ts';

interface Packed {
  key: KeyFields;
  headers: Readonly<Record<string, string>>;
  body: string;
  redelivered: boolean;
  subscriptionId: string;
  receivedAt: number;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A batch as the socket worker makes it, through a structured clone as postMessage does. */
function batchOf(frames: { headers: Record<string, string>; body: string }[]): MessageBatch {
  let sent: MessageBatch | null = null;
  const batcher = new MessageBatcher((batch) => (sent = structuredClone(batch)), { acks: true });
  frames.forEach(({ headers, body }, i) => batcher.ingest({ headers, binaryBody: new TextEncoder().encode(body) }, headers['subscription'] ?? '', 1_000 + i));
  batcher.flush();
  if (sent === null) throw new Error('no batch');
  return sent;
}

function frame(subscription: string, n: number, extra: Record<string, string> = {}): { headers: Record<string, string>; body: string } {
  return {
    headers: { subscription, destination: `/exchange/app.events/orders.${n}`, 'message-id': `m${n}`, ack: `T_${subscription}@@s@@${n}`, 'x-warren-seq': String(n), ...extra },
    body: `{"n":${n}}`,
  };
}

describe('routing the frames the socket worker read', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const packed: Packed[] = [];
    const framesOf: { frame: StompMessageFrame; ackId: string; stompId: string }[] = [];
    const acks: [string, string][] = [];
    const acker = new CumulativeAcker((id, subscription) => acks.push([id, subscription]));
    const routes = new MessageRoutes(
      {
        onPackedMessage: (key, block, index, body, redelivered, subscriptionId, receivedAt) =>
          packed.push({ key: { ...key }, headers: block.at(index), body: text(body), redelivered, subscriptionId, receivedAt }),
      },
      acker,
    );
    const route = (subscriptionId: string, options: Pick<Route, 'packed' | 'acks'>): Route => ({
      subscriptionId,
      ...options,
      deliver: (f, ackId, stompId) => framesOf.push({ frame: { headers: f.headers, binaryBody: f.binaryBody.slice() }, ackId, stompId }),
    });
    return { packed, framesOf, acks, routes, route };
  }

  it('hands live messages on with their key fields and packed headers, and acks a durable one cumulatively', () => {
    const { packed, acks, routes, route } = setUp();
    routes.set('live', route('s-live', { packed: true, acks: false }));
    routes.set('durable', route('s-durable', { packed: true, acks: true }));
    routes.receive(batchOf([frame('live', 1), frame('durable', 2, { redelivered: 'true' }), frame('durable', 3)]));
    expect(packed.map((p) => [p.subscriptionId, p.key.routingKey, p.key.warrenSeq, p.body, p.redelivered, p.receivedAt])).toEqual([
      ['s-live', 'orders.1', 1, '{"n":1}', false, 1_000],
      ['s-durable', 'orders.2', 2, '{"n":2}', true, 1_001],
      ['s-durable', 'orders.3', 3, '{"n":3}', false, 1_002],
    ]);
    expect(packed[0]?.headers).toEqual(frame('live', 1).headers);
    vi.advanceTimersByTime(200);
    // One ACK for the newest durable message; the live subscription (ack:auto) is never acked.
    expect(acks).toEqual([['T_durable@@s@@3', 'durable']]);
  });

  it('drops the frames of a subscription no longer there, as stompjs does', () => {
    const { packed, routes, route } = setUp();
    routes.set('a', route('s-a', { packed: true, acks: false }));
    routes.set('b', route('s-b', { packed: true, acks: false }));
    routes.forget('s-a');
    routes.receive(batchOf([frame('a', 1), frame('b', 2), frame('unknown', 3)]));
    expect(packed.map((p) => p.subscriptionId)).toEqual(['s-b']);
    routes.clear();
    routes.receive(batchOf([frame('b', 4)]));
    expect(packed).toHaveLength(1);
  });

  it('gives a stream read its frames with their headers, for its reader and its offset', () => {
    const { packed, framesOf, routes, route } = setUp();
    routes.set('h~1', route('s-h', { packed: false, acks: true }));
    routes.receive(batchOf([frame('h~1', 7, { 'x-stream-offset': '41' })]));
    expect(packed).toEqual([]);
    expect(framesOf).toHaveLength(1);
    expect(framesOf[0]?.frame.headers['x-stream-offset']).toBe('41');
    expect(text(framesOf[0]!.frame.binaryBody)).toBe('{"n":7}');
    expect(framesOf[0]?.ackId).toBe('T_h~1@@s@@7');
    expect(framesOf[0]?.stompId).toBe('h~1');
  });
});
