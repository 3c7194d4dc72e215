import { describe, expect, it } from 'vitest';
import { DROP_REPLY_HEADER, ORIGIN_SEQ_HEADER, SEQ_HEADER } from './message.ts';
import type { OutgoingMessage } from './message.ts';
import { createRng } from './random.ts';
import { isFailureReply } from './reply-client.ts';
import { buildRpcReply, buildRpcRequest, decodeRpcRequest, RPC_SERVICE_APP_ID, rpcReplyBody } from './rpc-messages.ts';
import { parseJson, wireHeaders } from './test-helpers.ts';

const NOW = Date.UTC(2024, 0, 1);

/** What the service receives for a request the client built. */
const delivered = (m: OutgoingMessage) => ({
  content: m.content,
  fields: { routingKey: m.routingKey },
  properties: { headers: wireHeaders(m), replyTo: m.options.replyTo, correlationId: m.options.correlationId },
});

describe('RPC requests and replies', () => {
  it('a request: app.events, rpc.<method> key, reply_to, a fresh correlation_id, x-warren-seq', () => {
    const rng = createRng(1);
    const a = buildRpcRequest({ seq: 7, now: NOW, replyTo: 'warren-client-x', method: 'pricing.quote' }, rng);
    const b = buildRpcRequest({ seq: 8, now: NOW, replyTo: 'warren-client-x', method: 'pricing.quote', keyPrefix: 't1.', dropReply: true }, rng);
    expect(a).toMatchObject({ exchange: 'app.events', routingKey: 'rpc.pricing.quote' });
    expect(a.options).toMatchObject({ replyTo: 'warren-client-x', contentType: 'application/json', appId: 'storefront' });
    expect(a.options.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.options.correlationId).not.toBe(a.options.correlationId);
    expect(wireHeaders(a)).toEqual({ [SEQ_HEADER]: 7 });
    expect(b.routingKey).toBe('t1.rpc.pricing.quote');
    expect(wireHeaders(b)[DROP_REPLY_HEADER]).toBe('1');
    expect(parseJson(a)).toMatchObject({ sku: expect.any(String), quantity: expect.any(Number) });
  });

  it('the service decodes the method after "rpc" whatever the prefix, and answers on celery.replies', () => {
    const rng = createRng(2);
    const req = buildRpcRequest({ seq: 9, now: NOW, replyTo: 'warren-client-x', method: 'inventory.reserve', keyPrefix: 't1.' }, rng);
    const decoded = decodeRpcRequest(delivered(req));
    expect(decoded).toMatchObject({ method: 'inventory.reserve', replyTo: 'warren-client-x', correlationId: req.options.correlationId, originSeq: 9, dropReply: false });
    if (decoded === null) throw new Error('not decoded');
    const body = rpcReplyBody(decoded, rng, false, NOW);
    expect(body).toMatchObject({ ok: true, result: { status: 'reserved', order_id: (parseJson(req) as { order_id: string }).order_id } });
    const reply = buildRpcReply(decoded, body, NOW);
    expect(reply).toMatchObject({ exchange: 'celery.replies', routingKey: 'warren-client-x' });
    expect(reply.options).toMatchObject({ correlationId: req.options.correlationId, appId: RPC_SERVICE_APP_ID, contentType: 'application/json' });
    expect(wireHeaders(reply)[ORIGIN_SEQ_HEADER]).toBe(9);
    expect(isFailureReply(reply.content)).toBe(false);
  });

  it('answers errors the way the client counts them, and drops what has no reply_to', () => {
    const rng = createRng(3);
    const req = decodeRpcRequest(delivered(buildRpcRequest({ seq: 1, now: NOW, replyTo: 'q', method: 'pricing.quote' }, rng)));
    if (req === null) throw new Error('not decoded');
    const failed = rpcReplyBody(req, rng, true, NOW);
    expect(failed).toMatchObject({ ok: false, error: { code: 'price_unavailable' } });
    expect(isFailureReply(buildRpcReply(req, failed, NOW).content)).toBe(true);
    expect(rpcReplyBody({ ...req, method: 'nope.x' }, rng, false, NOW)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(rpcReplyBody({ ...req, body: null }, rng, false, NOW)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(decodeRpcRequest({ content: Buffer.from('{}'), fields: { routingKey: 'rpc.x' }, properties: {} })).toBeNull();
  });
});
