/**
 * What mirroring one origin vhost into one mirror vhost consists of, as plain
 * data: names, permissions and definitions. No I/O here; plan.ts turns a
 * MirrorSetup into steps, the local stack and `warren mirror` both use it.
 */

export interface Credentials {
  login: string;
  passcode: string;
}

export interface TracedExchange {
  name: string;
  type: 'topic' | 'direct' | 'fanout' | 'headers';
}

export interface Bound {
  maxLength: number;
  maxLengthBytes: number;
}

export interface AmqpAddress {
  host: string;
  port: number;
}

export interface HistoryRetention {
  maxAge: string;
  maxLengthBytes: number;
  segmentBytes: number;
}

export interface MirrorSetup {
  originVhost: string;
  mirrorVhost: string;
  /** The exchanges traced, by their names on the origin. */
  exchanges: TracedExchange[];
  /** Prefix of the mirror exchanges (`<name>.<exchange>`) when one mirror serves several origins. */
  originName?: string;
  /** Where the origin node reaches the mirror's AMQP listener (the shovel's destination). */
  mirrorAmqp: AmqpAddress;
  /**
   * The other nodes of a mirror cluster: each shovel is then given every
   * address as a list of dest-uri and fails over among them. Empty or absent,
   * dest-uri stays one string (as single-node installs have it).
   */
  mirrorAmqpAlternates?: AmqpAddress[];
  /**
   * x-initial-cluster-size of the history streams when above 1 (a mirror
   * cluster): a replica on that many nodes. Only at declaration: an existing
   * stream keeps its replicas (add some with `rabbitmq-streams add_replica`).
   */
  historyReplicas?: number;
  /**
   * The browser's read-only user. A null passcode keeps the password of an
   * existing user (a second apply must not rotate it).
   */
  tracer: { login: string; passcode: string | null };
  shovelUser: Credentials;
  subscriptionBound: Bound;
  shovelBacklog: Bound;
  /** Null when the mirror cannot hold streams (RabbitMQ before 3.9). */
  history: HistoryRetention | null;
  /**
   * The local stack plays production, so it also declares the exchanges on
   * the origin. A real origin's exchanges belong to its applications:
   * preflight checks they exist, and nothing here creates them.
   */
  declareOriginExchanges: boolean;
  /** Seconds a shovel waits before reconnecting (RabbitMQ's default is 5). */
  reconnectDelay?: number;
}

export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Queue names the STOMP plugin generates for /exchange and /topic subscriptions. */
export const SUBSCRIPTION_QUEUE_PATTERN = '^stomp-subscription-';
export const SUBSCRIPTION_POLICY = 'warren-bound-subscriptions';

/**
 * The mirror's history of one traced exchange: a stream queue bound with
 * `#`, an append-only log the page reads from any point (rewind) without
 * taking anything from anyone.
 */
export const historyQueueName = (mirrorExchange: string) => `warren.history.${mirrorExchange}`;
export const HISTORY_QUEUE_PATTERN = '^warren\\.history\\.';
export const HISTORY_POLICY = 'warren-history-retention';

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
export const SHOVEL_QUEUE_POLICY = 'warren-bound-shovel-queues';

/** Everything `warren mirror` creates on its own is named with one of these prefixes. */
export const isWarrenName = (name: string) => name.startsWith('warren-') || name.startsWith('warren.');

export const mirrorExchangeName = (setup: Pick<MirrorSetup, 'originName'>, exchange: string) =>
  setup.originName ? `${setup.originName}.${exchange}` : exchange;

/**
 * The tracer may create, bind and read only its own subscription queues, read
 * the traced exchanges (binding to an exchange needs read on it) and
 * `amq.topic`, and consume the history streams. No write on any exchange or
 * stream. `mirrorExchanges` are the names on the mirror.
 */
export function tracerPermissions(mirrorExchanges: string[]) {
  const exchangeNames = ['amq.topic', ...mirrorExchanges].map(escapeRegex).join('|');
  const historyNames = mirrorExchanges.map((e) => escapeRegex(historyQueueName(e))).join('|');
  return {
    configure: `${SUBSCRIPTION_QUEUE_PATTERN}.*`,
    write: `${SUBSCRIPTION_QUEUE_PATTERN}.*`,
    read: `^(stomp-subscription-.*|${exchangeNames}|${historyNames})$`,
  };
}

/** The shovel user publishes to the traced exchanges and does nothing else. */
export function shovelUserPermissions(mirrorExchanges: string[]) {
  return { configure: '^$', write: `^(${mirrorExchanges.map(escapeRegex).join('|')})$`, read: '^$' };
}

/** The vhost as the path of an AMQP URI ("/" is the default, written as nothing). */
const uriVhost = (vhost: string) => (vhost === '/' ? '' : `/${encodeURIComponent(vhost)}`);

/** The shovel's dest-uri: one URI, or every mirror node's (the shovel connects to one of them, and another when it fails). */
export function shovelDestination(setup: MirrorSetup): string | string[] {
  const { login, passcode } = setup.shovelUser;
  const uri = ({ host, port }: AmqpAddress) =>
    `amqp://${encodeURIComponent(login)}:${encodeURIComponent(passcode)}@${host.includes(':') ? `[${host}]` : host}:${port}${uriVhost(setup.mirrorVhost)}`;
  const alternates = setup.mirrorAmqpAlternates ?? [];
  return alternates.length === 0 ? uri(setup.mirrorAmqp) : [setup.mirrorAmqp, ...alternates].map(uri);
}

export function shovelDefinition(setup: MirrorSetup, exchange: string) {
  return {
    'src-protocol': 'amqp091',
    // No host: the shovel's own node, so no credentials on the origin side.
    'src-uri': `amqp://${uriVhost(setup.originVhost)}`,
    // Its own durable queue, bound to the exchange with "#" (see shovelQueueName).
    'src-queue': shovelQueueName(exchange),
    'dest-protocol': 'amqp091',
    'dest-uri': shovelDestination(setup),
    'dest-exchange': mirrorExchangeName(setup, exchange),
    // No dest-exchange-key: the original routing key is kept.
    'ack-mode': 'on-confirm',
    'add-timestamp-header': true,
    'reconnect-delay': setup.reconnectDelay ?? 5,
  };
}

/** The shovel password inside an existing shovel definition's dest-uri, if any. */
export function passwordInUri(uri: unknown): string | null {
  // A cluster's list of URIs all carry the same shovel user.
  if (Array.isArray(uri)) return passwordInUri(uri[0]);
  if (typeof uri !== 'string') return null;
  try {
    const u = new URL(uri);
    return u.password ? decodeURIComponent(u.password) : null;
  } catch {
    return null;
  }
}

/**
 * The alternatives of a pattern of the form `^(a|b|c)$`, as these functions
 * write them (escaped names never contain a bare `|`), or null for any other
 * pattern. Several origins can feed one mirror vhost (with --origin-name):
 * each apply adds its names to the permissions and each remove takes its own
 * away again, leaving the others'.
 */
export function alternatives(pattern: string): string[] | null {
  const inner = /^\^\((.*)\)\$$/.exec(pattern)?.[1];
  if (inner === undefined || /[()]/.test(inner.replace(/\\./g, ''))) return null;
  return inner.split('|').filter((a) => a !== '');
}

const anyOf = (alts: string[]) => `^(${alts.join('|')})$`;

/** `wanted` with the alternatives of `current` that it lacks appended (current's order first). */
export function unionPattern(current: string | undefined, wanted: string): string {
  const have = current === undefined ? null : alternatives(current);
  const want = alternatives(wanted);
  if (!have || !want) return wanted;
  const merged = [...have, ...want.filter((a) => !have.includes(a))];
  return anyOf(merged);
}

/** `current` without the alternatives of `own`; null when nothing but `keep` would remain. */
export function withoutPattern(current: string, own: string[], keep: string[]): string | null {
  const have = alternatives(current);
  if (!have) return null;
  const rest = have.filter((a) => !own.includes(a));
  return rest.every((a) => keep.includes(a)) ? null : anyOf(rest);
}

/** Two patterns that accept the same set of alternatives (order does not matter). */
export function samePattern(a: string, b: string): boolean {
  if (a === b) return true;
  const x = alternatives(a);
  const y = alternatives(b);
  return !!x && !!y && x.length === y.length && x.every((v) => y.includes(v));
}
