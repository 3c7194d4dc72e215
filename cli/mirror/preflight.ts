/**
 * Checks before anything is read or written in earnest, each failure with
 * the exact fix. Failures are collected, not stopped at, so one run lists
 * everything to fix (only an unreachable or refusing broker ends the checks
 * for that broker). Order: reachability and credentials, permissions,
 * vhosts, same cluster, plugins and versions, exchanges, an existing record.
 */
import { ManagementApiError, seg, type ManagementApi } from '../../stack/management-api.ts';
import type { BrokerTarget } from './args.ts';
import { current } from './plan.ts';
import { readRecord } from './record.ts';

export interface PreflightInput {
  action: 'plan' | 'apply' | 'status' | 'remove';
  origin: BrokerTarget;
  mirror: BrokerTarget;
  exchanges: string[];
  apis: { origin: ManagementApi; mirror: ManagementApi };
}

export interface PreflightResult {
  failures: string[];
  warnings: string[];
  /** The mirror can hold history streams (RabbitMQ 3.9+). */
  streams: boolean;
}

interface Overview {
  cluster_name?: string;
  node?: string;
  rabbitmq_version?: string;
}
export interface NodeInfo {
  name: string;
  /** false for a cluster member that is down: it lists no applications. */
  running?: boolean;
  applications?: { name: string }[];
}

const version = (v: string | undefined) => (v ?? '0').split('.').map((n) => parseInt(n, 10) || 0);
const atLeast = (v: string | undefined, major: number, minor: number) => {
  const [a = 0, b = 0] = version(v);
  return a > major || (a === major && b >= minor);
};

export const WEB_STOMP_FIX = `rabbitmq-plugins enable rabbitmq_web_stomp on the mirror, and in its rabbitmq.conf:
      web_stomp.ws_frame = binary      # text frames must be UTF-8: one binary payload would kill the socket
      web_stomp.tcp.ip = 127.0.0.1     # loopback; put a TLS reverse proxy in front for remote users
      stomp.listeners.tcp = none       # the plain STOMP TCP listener is not needed`;

async function reach(role: 'origin' | 'mirror', target: BrokerTarget, api: ManagementApi, failures: string[]): Promise<Overview | null> {
  try {
    const o = await api.get<Overview>('/api/overview');
    if (typeof o !== 'object' || o === null || !('rabbitmq_version' in o)) throw new ManagementApiError(404, '/api/overview', 'not a RabbitMQ overview');
    return o;
  } catch (e) {
    if (e instanceof ManagementApiError && e.status === 401) {
      failures.push(`${role}: credentials refused for user "${target.credentials.login}" at ${target.url}.
    fix: check the user and password (RabbitMQ's guest user can only log in from localhost; create an administrator:
      rabbitmqctl add_user <admin> '<password>' && rabbitmqctl set_user_tags <admin> administrator)`);
    } else if (e instanceof ManagementApiError || e instanceof SyntaxError) {
      failures.push(`${role}: ${target.url} answers, but not as the RabbitMQ management API (${e instanceof ManagementApiError ? `HTTP ${e.status}` : 'not JSON'}).
    fix: rabbitmq-plugins enable rabbitmq_management on the ${role} node, and use its management port (15672, or 15671 with TLS)`);
    } else {
      const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      failures.push(`${role}: no management API at ${target.url} (${cause}).
    fix: rabbitmq-plugins enable rabbitmq_management on the ${role} node, and check the host and port (15672, or 15671 with TLS)`);
    }
    return null;
  }
}

async function accessChecks(role: 'origin' | 'mirror', target: BrokerTarget, api: ManagementApi, failures: string[]): Promise<boolean> {
  const login = target.credentials.login;
  const me = await api.get<{ tags: string[] | string }>('/api/whoami');
  const tags = Array.isArray(me.tags) ? me.tags : String(me.tags).split(',');
  if (!tags.includes('administrator')) {
    failures.push(`${role}: user "${login}" has the tags [${tags.join(', ')}]; warren mirror needs an administrator (it creates users, policies and parameters).
    fix: rabbitmqctl set_user_tags ${login} administrator   (or use another user)`);
    return false;
  }
  const vhost = await current(api, `/api/vhosts/${seg(target.vhost)}`);
  if (vhost === undefined) {
    failures.push(`${role}: vhost "${target.vhost}" does not exist.
    fix: rabbitmqctl add_vhost ${target.vhost}   (or choose it with --${role}-vhost / --vhost)`);
    return false;
  }
  const p = (await current(api, `/api/permissions/${seg(target.vhost)}/${seg(login)}`)) as { configure: string; write: string; read: string } | undefined;
  if (!p || p.configure !== '.*' || p.write !== '.*' || p.read !== '.*') {
    failures.push(`${role}: user "${login}" ${p ? `has only the permissions ${JSON.stringify([p.configure, p.write, p.read])}` : 'has no permissions'} in vhost "${target.vhost}"; warren mirror needs all three.
    fix: rabbitmqctl set_permissions -p ${target.vhost} ${login} '.*' '.*' '.*'`);
    return false;
  }
  return true;
}

/**
 * The nodes, once each reports its applications. A node's `applications`
 * come with its statistics, which the management plugin first gathers a few
 * seconds after the node starts (every 5 s by default): asked sooner, a node
 * lists none, and the shovel plugin would wrongly read as not enabled (seen
 * right after an origin restart). Waits up to `waitMs` for them.
 */
export async function nodesWithApplications(api: Pick<ManagementApi, 'get'>, waitMs = 12_000, pollMs = 500): Promise<NodeInfo[]> {
  const until = Date.now() + waitMs;
  for (;;) {
    const nodes = await api.get<NodeInfo[]>('/api/nodes');
    if (nodes.every((n) => n.running === false || n.applications !== undefined) || Date.now() >= until) return nodes;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export const hasApp = (nodes: NodeInfo[], app: string) => {
  const running = nodes.filter((n) => n.running !== false);
  return running.length > 0 && running.every((n) => (n.applications ?? []).some((a) => a.name === app));
};

export async function preflight(input: PreflightInput): Promise<PreflightResult> {
  const failures: string[] = [];
  const warnings: string[] = [];
  const { apis } = input;
  const [o, m] = await Promise.all([reach('origin', input.origin, apis.origin, failures), reach('mirror', input.mirror, apis.mirror, failures)]);
  const originOk = o !== null && (await accessChecks('origin', input.origin, apis.origin, failures));
  const mirrorOk = m !== null && (await accessChecks('mirror', input.mirror, apis.mirror, failures));
  let streams = true;
  // The cross-broker checks need both brokers answering to an administrator.
  if (o && m && originOk && mirrorOk) {
    const [on, mn] = await Promise.all([nodesWithApplications(apis.origin), nodesWithApplications(apis.mirror)]);
    const shared = on.map((n) => n.name).filter((n) => mn.some((x) => x.name === n));
    if (shared.length > 0 || (o.cluster_name !== undefined && o.cluster_name === m.cluster_name)) {
      failures.push(`origin and mirror are the same cluster (${o.cluster_name}: ${shared.join(', ') || o.node}). Refused: a mirror on production defeats the point (tracing load and subscription queues would land on production).
    fix: point --mirror at a separate RabbitMQ (a small single node is enough)`);
    }
    if (!hasApp(on, 'rabbitmq_shovel')) {
      failures.push(`origin: the shovel plugin is not enabled (${o.node}).
    fix: rabbitmq-plugins enable rabbitmq_shovel rabbitmq_shovel_management   (on every origin node; no restart needed)`);
    } else if (!hasApp(on, 'rabbitmq_shovel_management')) {
      failures.push(`origin: rabbitmq_shovel_management is not enabled: shovel states cannot be read.
    fix: rabbitmq-plugins enable rabbitmq_shovel_management`);
    }
    if (!hasApp(mn, 'rabbitmq_web_stomp')) {
      failures.push(`mirror: web_stomp is not enabled (${m.node}): the browser reads the mirror over STOMP on WebSocket.
    fix: ${WEB_STOMP_FIX}`);
    }
    for (const [role, ov] of [['origin', o], ['mirror', m]] as const) {
      if (!atLeast(ov.rabbitmq_version, 3, 8)) {
        failures.push(`${role}: RabbitMQ ${ov.rabbitmq_version} is too old (warren mirror needs 3.8 or later).
    fix: upgrade the ${role}`);
      }
    }
    if (!atLeast(m.rabbitmq_version, 3, 9)) {
      streams = false;
      warnings.push(`mirror: RabbitMQ ${m.rabbitmq_version} has no streams (3.9+): no history streams, so no Rewind. Upgrade the mirror to get them.`);
    }
  }
  if (originOk && (input.action === 'plan' || input.action === 'apply')) {
    for (const name of input.exchanges) {
      if (name === '' || name.startsWith('amq.default')) {
        failures.push(`origin: the default exchange cannot be bound to or shovelled from; route what you want to trace through a named exchange`);
        continue;
      }
      const ex = await current(apis.origin, `/api/exchanges/${seg(input.origin.vhost)}/${seg(name)}`);
      if (ex === undefined) {
        failures.push(`origin: exchange "${name}" does not exist on the origin (vhost "${input.origin.vhost}").
    fix: check the name (rabbitmqadmin -V ${input.origin.vhost} list exchanges name type); warren mirrors your exchanges and never creates them on the origin`);
      }
    }
    if (mirrorOk && input.action === 'apply') {
      const record = await readRecord(apis.origin, input.origin.vhost);
      if (record && (record.mirror !== input.mirror.url || record.mirrorVhost !== input.mirror.vhost)) {
        failures.push(`origin: vhost "${input.origin.vhost}" is already mirrored to ${record.mirror} (vhost "${record.mirrorVhost}").
    fix: warren mirror remove --origin … --mirror ${record.mirror} --vhost … first, or mirror another vhost`);
      }
    }
  }
  return { failures, warnings, streams };
}
