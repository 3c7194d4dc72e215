/**
 * A request/reply service that is not Celery, as microservices often do RPC
 * over AMQP: the client publishes a JSON request on `app.events` with key
 * `rpc.<service>.<method>`, a `reply_to` (its reply queue) and a fresh
 * `correlation_id`; the service answers with the same correlation_id. The
 * reply goes through the named exchange `celery.replies` (routing key = the
 * reply_to queue), for the same reason the worker's results do: a reply sent
 * through the default exchange "" cannot be shovelled, so no tracer could see
 * it. Replies are told apart from Celery results by app_id.
 */
import { APP_EVENTS_EXCHANGE, REPLIES_EXCHANGE } from './exchanges.ts';
import { DROP_REPLY_HEADER, epochSeconds, int64, jsonBuffer, ORIGIN_SEQ_HEADER, readIntHeader, SEQ_HEADER } from './message.ts';
import type { Headers, JsonValue, OutgoingMessage } from './message.ts';
import { hex, pick, randInt, uuid } from './random.ts';
import type { Rng } from './random.ts';
import type { DeliveredMessage } from './worker-messages.ts';

export const RPC_METHODS = ['pricing.quote', 'inventory.reserve'] as const;
export type RpcMethod = (typeof RPC_METHODS)[number];
/** app_id of every reply the RPC service sends. */
export const RPC_SERVICE_APP_ID = 'warren-rpc-service';
/** app_id of the requests: the storefront calling its backend services. */
export const RPC_CLIENT_APP_ID = 'storefront';

const SKUS = ['SKU-RED-MUG', 'SKU-BLK-TEE-M', 'SKU-USB-C-1M', 'SKU-DESK-LAMP', 'SKU-NOTEBOOK-A5'];

export interface RpcRequestInput {
  seq: number;
  now: number;
  /** The client's reply queue. */
  replyTo: string;
  method?: RpcMethod;
  /** Put before the key: `<prefix>rpc.pricing.quote`. */
  keyPrefix?: string;
  dropReply?: boolean;
}

function requestBody(method: RpcMethod, rng: Rng): Record<string, JsonValue> {
  if (method === 'pricing.quote') {
    return { sku: pick(rng, SKUS), quantity: randInt(rng, 1, 20), currency: pick(rng, ['EUR', 'USD']), customer_id: `cus_${hex(rng, 14)}` };
  }
  const items = Array.from({ length: randInt(rng, 1, 3) }, () => ({ sku: pick(rng, SKUS), quantity: randInt(rng, 1, 5) }));
  return { order_id: `ord_${hex(rng, 12)}`, items, warehouse: pick(rng, ['eu-west-1', 'us-east-1']) };
}

export function buildRpcRequest(input: RpcRequestInput, rng: Rng): OutgoingMessage {
  const method = input.method ?? pick(rng, RPC_METHODS);
  const headers: Headers = { [SEQ_HEADER]: int64(input.seq) };
  if (input.dropReply === true) headers[DROP_REPLY_HEADER] = '1';
  return {
    exchange: APP_EVENTS_EXCHANGE,
    routingKey: `${input.keyPrefix ?? ''}rpc.${method}`,
    content: jsonBuffer(requestBody(method, rng)),
    options: {
      replyTo: input.replyTo,
      correlationId: uuid(rng),
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      appId: RPC_CLIENT_APP_ID,
      timestamp: epochSeconds(input.now),
      // A request is worth nothing once its caller gave up: transient, like most RPC clients send them.
      deliveryMode: 1,
      headers,
    },
  };
}

export interface RpcRequest {
  /** `pricing.quote`: the words after `rpc` in the routing key. */
  method: string;
  body: JsonValue | null;
  replyTo: string;
  correlationId: string | null;
  originSeq: number | null;
  dropReply: boolean;
}

/** Null for a message nobody waits for (no reply_to): the service acks and drops it. */
export function decodeRpcRequest(msg: DeliveredMessage & { fields: { routingKey: string } }): RpcRequest | null {
  const replyTo = msg.properties.replyTo;
  if (typeof replyTo !== 'string' || replyTo === '') return null;
  const words = msg.fields.routingKey.split('.');
  const at = words.lastIndexOf('rpc');
  let body: JsonValue | null = null;
  try {
    body = JSON.parse(msg.content.toString('utf8')) as JsonValue;
  } catch {
    // Answered with an error reply below, as a service would.
  }
  const headers = msg.properties.headers ?? {};
  const correlationId = msg.properties.correlationId;
  return {
    method: at < 0 ? msg.fields.routingKey : words.slice(at + 1).join('.'),
    body,
    replyTo,
    correlationId: typeof correlationId === 'string' ? correlationId : null,
    originSeq: readIntHeader(headers, SEQ_HEADER) ?? null,
    dropReply: headers[DROP_REPLY_HEADER] !== undefined,
  };
}

const field = (body: JsonValue | null, name: string): JsonValue | undefined =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? body[name] : undefined;

/** What the service answers: `{ok: true, result}` or `{ok: false, error: {code, message}}`. */
export function rpcReplyBody(request: RpcRequest, rng: Rng, fail: boolean, now: number): Record<string, JsonValue> {
  const error = (code: string, message: string) => ({ ok: false, error: { code, message } });
  if (request.body === null) return error('bad_request', 'request body is not JSON');
  switch (request.method) {
    case 'pricing.quote': {
      if (fail) return error('price_unavailable', `no price list for ${String(field(request.body, 'sku'))}`);
      const quantity = Number(field(request.body, 'quantity') ?? 1);
      const unit = randInt(rng, 199, 9999) / 100;
      return {
        ok: true,
        result: { quote_id: `q_${hex(rng, 12)}`, sku: field(request.body, 'sku') ?? null, quantity, unit_price: unit, total: Math.round(unit * quantity * 100) / 100, currency: field(request.body, 'currency') ?? 'EUR', valid_until: new Date(now + 900_000).toISOString() },
      };
    }
    case 'inventory.reserve':
      if (fail) return error('insufficient_stock', `not enough stock in ${String(field(request.body, 'warehouse'))}`);
      return { ok: true, result: { reservation_id: `res_${hex(rng, 12)}`, order_id: field(request.body, 'order_id') ?? null, status: 'reserved', expires_at: new Date(now + 600_000).toISOString() } };
    default:
      return error('unknown_method', `no method ${request.method}`);
  }
}

/** The reply: same correlation_id, routing key = reply_to, x-warren-origin-seq = the request's x-warren-seq. */
export function buildRpcReply(request: RpcRequest, body: Record<string, JsonValue>, now: number): OutgoingMessage {
  const headers: Headers = {};
  if (request.originSeq !== null) headers[ORIGIN_SEQ_HEADER] = int64(request.originSeq);
  return {
    exchange: REPLIES_EXCHANGE,
    routingKey: request.replyTo,
    content: jsonBuffer(body),
    options: {
      ...(request.correlationId === null ? {} : { correlationId: request.correlationId }),
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      appId: RPC_SERVICE_APP_ID,
      timestamp: epochSeconds(now),
      deliveryMode: 1,
      headers,
    },
  };
}
