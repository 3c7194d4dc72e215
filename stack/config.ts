/**
 * The local broker stack's configuration: every port, name and secret comes
 * from the environment with a documented default, so two checkouts (or a
 * machine that already runs RabbitMQ) can move the stack out of the way.
 */
import { resolve } from 'node:path';
import { mirrorClusterNodes, mirrorNodeCount } from './mirror-cluster-config.ts';

export type NodeRole = 'origin' | 'mirror';

export interface NodeConfig {
  role: NodeRole;
  /** Erlang node name; `@localhost` keeps it off the machine's hostname. */
  nodename: string;
  amqpPort: Port;
  distPort: Port;
  managementPort: Port;
  /** Only the mirror serves STOMP over WebSocket. */
  webStompPort: Port | null;
  /** permessage-deflate on web_stomp's WebSocket (WARREN_WEB_STOMP_COMPRESS=1); off by default. */
  webStompCompress?: boolean;
  plugins: string[];
  /** The folder holding this node's config, database and logs. */
  dir: string;
  /** How logs name the node when its role alone is ambiguous ("mirror-2"); the role otherwise. */
  label?: string;
}

/** A TCP port together with the variable that moves it, for error messages. */
export interface Port {
  port: number;
  envVar: string;
}

export interface TracedExchange {
  name: string;
  type: 'topic' | 'direct' | 'fanout' | 'headers';
}

export interface StackConfig {
  /** Shared state folder (gitignored); also HOME for the Erlang cookie. */
  dir: string;
  origin: NodeConfig;
  /** The first mirror node: the whole mirror when it runs alone, the node the others join otherwise. */
  mirror: NodeConfig;
  /**
   * Every mirror node, `mirror` first: one unless WARREN_MIRROR_NODES (or
   * `--mirror-nodes`) says more. Node i >= 2 is derived from node 1 only:
   * name `<mirror name>-<i>@host`, folder `<dir>/mirror-<i>`, and each port
   * (AMQP, management, web-stomp, distribution) node 1's + 10 x (i - 1); the
   * WARREN_MIRROR_* / WARREN_WEB_STOMP_PORT variables move them all together
   * (mirror-cluster-config.ts).
   */
  mirrors: NodeConfig[];
  /** The browser's read-only user on the mirror. */
  tracer: { login: string; passcode: string };
  /** The user the shovels publish to the mirror with (write-only on the traced exchanges). */
  shovelUser: { login: string; passcode: string };
  /** Admin used by the stack scripts on loopback only (RabbitMQ's guest cannot log in remotely). */
  admin: { login: string; passcode: string };
  exchanges: TracedExchange[];
  /** Bound applied to every tracing subscription queue on the mirror. */
  subscriptionBound: { maxLength: number; maxLengthBytes: number };
  /** Bound on each shovel's queue on the origin: what is kept for the mirror while it is away. */
  shovelBacklog: { maxLength: number; maxLengthBytes: number };
  /** Retention of each traced exchange's history stream on the mirror (see provision.ts, historyQueueName). */
  history: HistoryRetention;
  vhost: string;
}

/**
 * The exchanges the local stack traces. All topic: a shovel keeps the original
 * routing key, and only a topic exchange on the mirror lets the browser
 * subscribe with wildcards. `celery.replies` exists because Celery's default
 * RPC replies go through the default exchange, which cannot be shovelled.
 */
export const TRACED_EXCHANGES: TracedExchange[] = [
  { name: 'celery', type: 'topic' },
  { name: 'celery.replies', type: 'topic' },
  { name: 'celeryev', type: 'topic' },
  { name: 'app.events', type: 'topic' },
];

export interface HistoryRetention {
  /** RabbitMQ's max-age: a number and one unit of Y, M, D, h, m, s ("1h", "30m", "7D"). */
  maxAge: string;
  /** Bytes kept per stream at most. */
  maxLengthBytes: number;
  /**
   * Segment size. A stream drops whole segments only, and only once every
   * message in one is past max-age: RabbitMQ's 500 MB default would keep an
   * hour of 50 msg/s traffic for days.
   */
  segmentBytes: number;
}

const MAX_AGE_FORMAT = /^[1-9][0-9]*[YMDhms]$/;

function envHistory(env: NodeJS.ProcessEnv): HistoryRetention {
  const maxAge = env.WARREN_HISTORY_MAX_AGE || '1h';
  if (!MAX_AGE_FORMAT.test(maxAge)) {
    throw new Error(`WARREN_HISTORY_MAX_AGE=${maxAge} is not a stream max-age (a whole number and one of Y, M, D, h, m, s: "1h", "30m", "7D")`);
  }
  const maxLengthBytes = envBytes('WARREN_HISTORY_MAX_BYTES', 1024 ** 3, env);
  const segmentBytes = envBytes('WARREN_HISTORY_SEGMENT_BYTES', Math.min(32 * 1024 ** 2, Math.max(1024 ** 2, Math.floor(maxLengthBytes / 16))), env);
  return { maxAge, maxLengthBytes, segmentBytes };
}

function envBytes(envVar: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[envVar];
  if (raw === undefined || raw === '') return fallback;
  const bytes = Number(raw);
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new Error(`${envVar}=${raw} is not a byte count (a positive whole number)`);
  return bytes;
}

function envPort(envVar: string, fallback: number, env: NodeJS.ProcessEnv): Port {
  const raw = env[envVar];
  if (raw === undefined || raw === '') return { port: fallback, envVar };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${envVar}=${raw} is not a TCP port (1-65535)`);
  }
  return { port, envVar };
}

export function loadStackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const dir = resolve(env.WARREN_STACK_DIR ?? resolve(import.meta.dirname, '..', '.stack'));
  const originAmqp = envPort('WARREN_ORIGIN_AMQP_PORT', 5672, env);
  const mirrorAmqp = envPort('WARREN_MIRROR_AMQP_PORT', 5673, env);
  const mirror: NodeConfig = {
    role: 'mirror',
    nodename: env.WARREN_MIRROR_NODENAME ?? 'warren-mirror@localhost',
    amqpPort: mirrorAmqp,
    distPort: envPort('WARREN_MIRROR_DIST_PORT', mirrorAmqp.port + 20000, env),
    managementPort: envPort('WARREN_MIRROR_MGMT_PORT', 15673, env),
    webStompPort: envPort('WARREN_WEB_STOMP_PORT', 15674, env),
    webStompCompress: ['1', 'true'].includes(env.WARREN_WEB_STOMP_COMPRESS ?? ''),
    plugins: ['rabbitmq_management', 'rabbitmq_web_stomp'],
    dir: resolve(dir, 'mirror'),
  };
  const mirrors = mirrorClusterNodes(mirror, dir, mirrorNodeCount(env));
  return {
    dir,
    vhost: '/',
    origin: {
      role: 'origin',
      nodename: env.WARREN_ORIGIN_NODENAME ?? 'warren-origin@localhost',
      amqpPort: originAmqp,
      // Erlang's default inter-node port is AMQP + 20000; two nodes need two.
      distPort: envPort('WARREN_ORIGIN_DIST_PORT', originAmqp.port + 20000, env),
      managementPort: envPort('WARREN_ORIGIN_MGMT_PORT', 15672, env),
      webStompPort: null,
      plugins: ['rabbitmq_management', 'rabbitmq_shovel', 'rabbitmq_shovel_management'],
      dir: resolve(dir, 'origin'),
    },
    mirror: mirrors[0],
    mirrors,
    tracer: { login: 'warren', passcode: env.WARREN_TRACER_PASSWORD ?? 'warren-tracer' },
    shovelUser: { login: 'warren-shovel', passcode: env.WARREN_SHOVEL_PASSWORD ?? 'warren-shovel' },
    admin: { login: 'guest', passcode: 'guest' },
    exchanges: TRACED_EXCHANGES,
    subscriptionBound: {
      maxLength: Number(env.WARREN_SUBSCRIPTION_MAX_LENGTH ?? 200_000),
      maxLengthBytes: Number(env.WARREN_SUBSCRIPTION_MAX_BYTES ?? 256 * 1024 * 1024),
    },
    shovelBacklog: {
      maxLength: Number(env.WARREN_SHOVEL_BACKLOG_MAX_LENGTH ?? 1_000_000),
      maxLengthBytes: Number(env.WARREN_SHOVEL_BACKLOG_MAX_BYTES ?? 1024 * 1024 * 1024),
    },
    history: envHistory(env),
  };
}

export function amqpUrl(node: NodeConfig, user: { login: string; passcode: string }): string {
  return `amqp://${encodeURIComponent(user.login)}:${encodeURIComponent(user.passcode)}@127.0.0.1:${node.amqpPort.port}`;
}

const nodeWebStompUrl = (node: NodeConfig) => `ws://127.0.0.1:${node.webStompPort?.port ?? 15674}/ws`;

export function webStompUrl(config: StackConfig): string {
  return nodeWebStompUrl(config.mirror);
}

/** Every mirror node's web_stomp endpoint, the first node's first. */
export function webStompUrls(config: StackConfig): string[] {
  return config.mirrors.map(nodeWebStompUrl);
}
