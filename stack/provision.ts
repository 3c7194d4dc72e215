/**
 * Declares what each node needs, idempotently, through the management API:
 * the mirror gets the traced exchanges, the tracer and shovel users and the
 * queue bound; the origin gets the exchanges and one dynamic shovel each.
 */
import type { StackConfig, TracedExchange } from './config.ts';
import { ManagementApiError, seg, type ManagementApi } from './management-api.ts';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Queue names the STOMP plugin generates for /exchange and /topic subscriptions. */
export const SUBSCRIPTION_QUEUE_PATTERN = '^stomp-subscription-';

/**
 * The mirror's history of one traced exchange: a stream queue bound with
 * `#`, an append-only log the page reads from any point (rewind) without
 * taking anything from anyone.
 */
export const historyQueueName = (exchange: string) => `warren.history.${exchange}`;
export const HISTORY_QUEUE_PATTERN = '^warren\\.history\\.';

export function tracerPermissions(exchanges: TracedExchange[]) {
  const exchangeNames = ['amq.topic', ...exchanges.map((e) => e.name)].map(escapeRegex).join('|');
  const historyNames = exchanges.map((e) => escapeRegex(historyQueueName(e.name))).join('|');
  return {
    // Only its own subscription queues: declare, bind (write on the queue), consume.
    configure: `${SUBSCRIPTION_QUEUE_PATTERN}.*`,
    write: `${SUBSCRIPTION_QUEUE_PATTERN}.*`,
    // Reading an exchange is what binding a queue to it needs; reading a
    // history stream is consuming it. No write on any exchange or stream.
    read: `^(stomp-subscription-.*|${exchangeNames}|${historyNames})$`,
  };
}

async function declareExchanges(api: ManagementApi, vhost: string, exchanges: TracedExchange[]) {
  for (const ex of exchanges) {
    await api.put(`/api/exchanges/${seg(vhost)}/${seg(ex.name)}`, { type: ex.type, durable: true, auto_delete: false });
  }
}

export async function provisionMirror(api: ManagementApi, config: StackConfig): Promise<void> {
  const { vhost } = config;
  await declareExchanges(api, vhost, config.exchanges);
  await api.put(`/api/users/${seg(config.tracer.login)}`, { password: config.tracer.passcode, tags: '' });
  await api.put(`/api/permissions/${seg(vhost)}/${seg(config.tracer.login)}`, tracerPermissions(config.exchanges));
  await api.put(`/api/users/${seg(config.shovelUser.login)}`, { password: config.shovelUser.passcode, tags: '' });
  await api.put(`/api/permissions/${seg(vhost)}/${seg(config.shovelUser.login)}`, {
    configure: '^$',
    write: `^(${config.exchanges.map((e) => escapeRegex(e.name)).join('|')})$`,
    read: '^$',
  });
  await declareHistoryStreams(api, config);
  // A slow or frozen browser must never fill the mirror: old messages are dropped first.
  await api.put(`/api/policies/${seg(vhost)}/warren-bound-subscriptions`, {
    pattern: SUBSCRIPTION_QUEUE_PATTERN,
    'apply-to': 'queues',
    priority: 10,
    definition: {
      'max-length': config.subscriptionBound.maxLength,
      'max-length-bytes': config.subscriptionBound.maxLengthBytes,
      overflow: 'drop-head',
    },
  });
}

/**
 * One stream per traced exchange, bound with `#`. Retention is a policy, not
 * queue arguments: a queue cannot be redeclared with other arguments, and a
 * policy changes with the environment on the next `stack up`.
 */
async function declareHistoryStreams(api: ManagementApi, config: StackConfig): Promise<void> {
  const { vhost, history } = config;
  await api.put(`/api/policies/${seg(vhost)}/warren-history-retention`, {
    pattern: HISTORY_QUEUE_PATTERN,
    'apply-to': 'queues',
    priority: 10,
    definition: { 'max-age': history.maxAge, 'max-length-bytes': history.maxLengthBytes, 'stream-max-segment-size-bytes': history.segmentBytes },
  });
  for (const ex of config.exchanges) {
    const queue = historyQueueName(ex.name);
    await api.put(`/api/queues/${seg(vhost)}/${seg(queue)}`, { durable: true, auto_delete: false, arguments: { 'x-queue-type': 'stream' } });
    await api.post(`/api/bindings/${seg(vhost)}/e/${seg(ex.name)}/q/${seg(queue)}`, { routing_key: '#', arguments: {} });
  }
}

export const shovelName = (exchange: string) => `warren-${exchange}`;

/**
 * The origin-side queue each shovel reads. A shovel given only `src-exchange`
 * declares an exclusive server-named queue, which dies with the shovel's
 * connection: while the mirror is down the shovel restarts and everything
 * published meanwhile is lost. A durable named queue bound with `#` keeps
 * those messages until the mirror confirms them, and real consumers still
 * never share it.
 */
export const shovelQueueName = (exchange: string) => `warren.shovel.${exchange}`;
export const SHOVEL_QUEUE_PATTERN = '^warren\\.shovel\\.';

export function shovelDefinition(config: StackConfig, exchange: string) {
  const { login, passcode } = config.shovelUser;
  return {
    'src-protocol': 'amqp091',
    // "amqp://" with no host is the shovel's own node: no credentials on the origin side.
    'src-uri': 'amqp://',
    // Its own durable queue, bound to the exchange with "#" (see shovelQueueName).
    'src-queue': shovelQueueName(exchange),
    'dest-protocol': 'amqp091',
    'dest-uri': `amqp://${encodeURIComponent(login)}:${encodeURIComponent(passcode)}@127.0.0.1:${config.mirror.amqpPort.port}`,
    'dest-exchange': exchange,
    // No dest-exchange-key: the original routing key is kept.
    'ack-mode': 'on-confirm',
    'add-timestamp-header': true,
    'reconnect-delay': 1,
  };
}

interface ShovelParameter {
  value: Record<string, unknown>;
}

export async function provisionOrigin(api: ManagementApi, config: StackConfig): Promise<void> {
  const { vhost } = config;
  await declareExchanges(api, vhost, config.exchanges);
  // Production's memory comes first: if the mirror stays away, the oldest tracing copies go.
  await api.put(`/api/policies/${seg(vhost)}/warren-bound-shovel-queues`, {
    pattern: SHOVEL_QUEUE_PATTERN,
    'apply-to': 'queues',
    priority: 10,
    definition: { 'max-length': config.shovelBacklog.maxLength, 'max-length-bytes': config.shovelBacklog.maxLengthBytes, overflow: 'drop-head' },
  });
  for (const ex of config.exchanges) {
    const queue = shovelQueueName(ex.name);
    await api.put(`/api/queues/${seg(vhost)}/${seg(queue)}`, { durable: true, auto_delete: false, arguments: {} });
    await api.post(`/api/bindings/${seg(vhost)}/e/${seg(ex.name)}/q/${seg(queue)}`, { routing_key: '#', arguments: {} });
  }
  for (const ex of config.exchanges) {
    const path = `/api/parameters/shovel/${seg(config.vhost)}/${seg(shovelName(ex.name))}`;
    const wanted = shovelDefinition(config, ex.name);
    // Re-PUTting an identical definition would restart a healthy shovel.
    const current = await api.get<ShovelParameter>(path).catch((e: unknown) => {
      if (e instanceof ManagementApiError && e.status === 404) return null;
      throw e;
    });
    if (current && JSON.stringify(current.value) === JSON.stringify(wanted)) continue;
    await api.put(path, { value: wanted });
  }
}

export interface ShovelStatus {
  name: string;
  state: string;
  reason?: string;
}

export async function shovelStates(api: ManagementApi): Promise<ShovelStatus[]> {
  const all = await api.get<ShovelStatus[]>('/api/shovels');
  return all.filter((s) => s.name.startsWith('warren-'));
}

/** Resolves once every traced exchange's shovel reports `running`. */
export async function waitForShovels(api: ManagementApi, config: StackConfig, timeoutMs = 60_000): Promise<ShovelStatus[]> {
  const wanted = new Set(config.exchanges.map((e) => shovelName(e.name)));
  const deadline = Date.now() + timeoutMs;
  let last: ShovelStatus[] = [];
  while (Date.now() < deadline) {
    last = await shovelStates(api);
    const running = last.filter((s) => wanted.has(s.name) && s.state === 'running');
    if (running.length === wanted.size) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  const summary = last.map((s) => `${s.name}: ${s.state}${s.reason ? ` (${s.reason})` : ''}`).join(', ');
  throw new Error(`shovels not running after ${timeoutMs / 1000} s: ${summary || 'none reported'}`);
}
