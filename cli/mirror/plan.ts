/**
 * The plan: every object mirroring needs, in the order it must be made, each
 * as one management API request with its rabbitmqctl / rabbitmqadmin
 * equivalent. `steps()` is pure; `planAgainst()` reads (never writes) the
 * brokers to tell which steps would create, change, or leave alone.
 */
import { ManagementApiError, seg, type ManagementApi } from '../../stack/management-api.ts';
import {
  HISTORY_POLICY,
  HISTORY_QUEUE_PATTERN,
  historyQueueName,
  mirrorExchangeName,
  samePattern,
  SHOVEL_QUEUE_PATTERN,
  SHOVEL_QUEUE_POLICY,
  shovelDefinition,
  shovelName,
  shovelQueueName,
  shovelUserPermissions,
  SUBSCRIPTION_POLICY,
  SUBSCRIPTION_QUEUE_PATTERN,
  tracerPermissions,
  unionPattern,
  type MirrorSetup,
} from './setup.ts';
import { passwordMatches } from './password-hash.ts';

export type Broker = 'origin' | 'mirror';
export type Kind = 'exchange' | 'user' | 'permissions' | 'policy' | 'queue' | 'binding' | 'shovel';
export type State = 'absent' | 'same' | 'different';

export interface Step {
  broker: Broker;
  kind: Kind;
  /** Null for users, which are not in a vhost. */
  vhost: string | null;
  name: string;
  description: string;
  method: 'PUT' | 'POST';
  path: string;
  /** The request body, given what is there now (undefined: nothing). */
  body(current: unknown): unknown;
  /** The equivalent command line. */
  command: string;
  /** GET here shows the current object; 404 means absent. */
  currentPath: string;
  state(current: unknown): State;
  /** DELETE here undoes the step. */
  deletePath: string;
}

export interface PlannedStep {
  step: Step;
  state: State;
  body: unknown;
}

/** Shell quoting for the printed commands. */
export const sh = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const vh = (vhost: string) => (vhost === '/' ? '' : ` -p ${sh(vhost)}`);
const vhAdmin = (vhost: string) => (vhost === '/' ? '' : ` -V ${sh(vhost)}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
}

function exchange(broker: Broker, vhost: string, name: string, type: string): Step {
  const path = `/api/exchanges/${seg(vhost)}/${seg(name)}`;
  const want = { type, durable: true, auto_delete: false, internal: false };
  return {
    broker, kind: 'exchange', vhost, name, method: 'PUT', path, currentPath: path, deletePath: path,
    description: `exchange ${name} (${type}, durable)`,
    body: () => ({ type, durable: true, auto_delete: false, arguments: {} }),
    command: `rabbitmqadmin${vhAdmin(vhost)} declare exchange name=${sh(name)} type=${type} durable=true`,
    state: (c) => (c === undefined ? 'absent' : isObject(c) && Object.entries(want).every(([k, v]) => c[k] === v) ? 'same' : 'different'),
  };
}

/**
 * @param tag '' for none; 'impersonator' for the shovel user: RabbitMQ
 * refuses a message whose `user_id` property names another user than the
 * publisher (PRECONDITION_FAILED), and a shovel acking on confirm then
 * retries that message forever, stopping the whole exchange's mirroring. The
 * tag lets it publish production's messages with their user_id as they are.
 */
function user(login: string, passcode: string | null, role: string, tag: '' | 'impersonator' = ''): Step {
  const path = `/api/users/${seg(login)}`;
  return {
    broker: 'mirror', kind: 'user', vhost: null, name: login, method: 'PUT', path, currentPath: path, deletePath: path,
    description: `user ${login} (${role})${tag ? `, tag ${tag}` : ''}${passcode === null ? ', existing password kept' : ''}`,
    // An existing user whose password is kept: its hash is sent back unchanged.
    body: (c) => (passcode === null && isObject(c) ? { password_hash: c.password_hash, hashing_algorithm: c.hashing_algorithm, tags: tag } : { password: passcode, tags: tag }),
    command:
      (passcode === null ? `rabbitmqctl add_user ${sh(login)} '<password>'  # kept if the user exists` : `rabbitmqctl add_user ${sh(login)} ${sh(passcode)}`) +
      (tag ? ` && rabbitmqctl set_user_tags ${sh(login)} ${tag}` : ''),
    state: (c) => {
      if (c === undefined) return 'absent';
      if (!isObject(c)) return 'different';
      const tags = (Array.isArray(c.tags) ? c.tags.map(String) : String(c.tags ?? '').split(',')).filter((t) => t !== '');
      if (tags.join(',') !== tag) return 'different';
      return passcode === null || passwordMatches(c, passcode) ? 'same' : 'different';
    },
  };
}

interface Perms { configure: string; write: string; read: string }

function permissions(vhost: string, login: string, want: Perms, role: string): Step {
  const path = `/api/permissions/${seg(vhost)}/${seg(login)}`;
  const merged = (c: unknown): Perms => {
    if (!isObject(c)) return want;
    // Another origin's exchanges (a shared mirror vhost) stay in the patterns.
    const keep = (k: keyof Perms) => (typeof c[k] === 'string' ? unionPattern(c[k], want[k]) : want[k]);
    return { configure: keep('configure'), write: keep('write'), read: keep('read') };
  };
  return {
    broker: 'mirror', kind: 'permissions', vhost, name: login, method: 'PUT', path, currentPath: path, deletePath: path,
    description: `permissions of ${login} in vhost ${vhost}: ${role}`,
    body: merged,
    command: `rabbitmqctl set_permissions${vh(vhost)} ${sh(login)} ${sh(want.configure)} ${sh(want.write)} ${sh(want.read)}`,
    state: (c) => {
      if (c === undefined) return 'absent';
      const m = merged(c);
      return isObject(c) && (['configure', 'write', 'read'] as const).every((k) => typeof c[k] === 'string' && samePattern(c[k], m[k])) ? 'same' : 'different';
    },
  };
}

function policy(broker: Broker, vhost: string, name: string, pattern: string, definition: Record<string, unknown>, why: string): Step {
  const path = `/api/policies/${seg(vhost)}/${seg(name)}`;
  const want = { pattern, 'apply-to': 'queues', priority: 10, definition };
  return {
    broker, kind: 'policy', vhost, name, method: 'PUT', path, currentPath: path, deletePath: path,
    description: `policy ${name} on ${pattern}: ${why}`,
    body: () => want,
    command: `rabbitmqctl set_policy${vh(vhost)} --apply-to queues --priority 10 ${sh(name)} ${sh(pattern)} ${sh(JSON.stringify(definition))}`,
    state: (c) => (c === undefined ? 'absent' : isObject(c) && c.pattern === pattern && c['apply-to'] === 'queues' && c.priority === 10 && sameJson(c.definition, definition) ? 'same' : 'different'),
  };
}

/**
 * Arguments that only shape a queue's creation (a stream's initial replica
 * count): an existing queue without them is in place, never redeclared.
 */
const DECLARE_ONLY_ARGS = ['x-initial-cluster-size'];
const withoutDeclareOnly = (args: unknown) =>
  isObject(args) ? Object.fromEntries(Object.entries(args).filter(([k]) => !DECLARE_ONLY_ARGS.includes(k))) : {};

function queue(broker: Broker, vhost: string, name: string, args: Record<string, unknown>, what: string): Step {
  const path = `/api/queues/${seg(vhost)}/${seg(name)}`;
  const argText = Object.keys(args).length ? ` arguments=${sh(JSON.stringify(args))}` : '';
  return {
    broker, kind: 'queue', vhost, name, method: 'PUT', path, currentPath: path, deletePath: path,
    description: `queue ${name} (${what})`,
    body: () => ({ durable: true, auto_delete: false, arguments: args }),
    command: `rabbitmqadmin${vhAdmin(vhost)} declare queue name=${sh(name)} durable=true${argText}`,
    state: (c) => (c === undefined ? 'absent' : isObject(c) && c.durable === true && sameJson(withoutDeclareOnly(c.arguments), withoutDeclareOnly(args)) ? 'same' : 'different'),
  };
}

function binding(broker: Broker, vhost: string, source: string, queueName: string): Step {
  const base = `/api/bindings/${seg(vhost)}/e/${seg(source)}/q/${seg(queueName)}`;
  return {
    broker, kind: 'binding', vhost, name: `${source} -> ${queueName}`, method: 'POST', path: base, currentPath: base,
    // The properties key of a binding without arguments is its routing key.
    deletePath: `${base}/${seg('#')}`,
    description: `binding ${source} -> ${queueName} with #`,
    body: () => ({ routing_key: '#', arguments: {} }),
    command: `rabbitmqadmin${vhAdmin(vhost)} declare binding source=${sh(source)} destination=${sh(queueName)} routing_key='#'`,
    state: (c) => (Array.isArray(c) && c.some((b) => isObject(b) && b.routing_key === '#') ? 'same' : 'absent'),
  };
}

function shovel(setup: MirrorSetup, exchangeName: string): Step {
  const name = shovelName(exchangeName);
  const vhost = setup.originVhost;
  const path = `/api/parameters/shovel/${seg(vhost)}/${seg(name)}`;
  const value = shovelDefinition(setup, exchangeName);
  return {
    broker: 'origin', kind: 'shovel', vhost, name, method: 'PUT', path, currentPath: path, deletePath: path,
    description: `dynamic shovel ${name}: ${shovelQueueName(exchangeName)} -> mirror exchange ${value['dest-exchange']} (on-confirm, x-shovelled-timestamp)`,
    body: () => ({ value }),
    command: `rabbitmqctl set_parameter${vh(vhost)} shovel ${sh(name)} ${sh(JSON.stringify(value))}`,
    // Re-PUTting an identical definition would restart a healthy shovel.
    state: (c) => (c === undefined ? 'absent' : isObject(c) && sameJson(c.value, value) ? 'same' : 'different'),
  };
}

export function steps(setup: MirrorSetup): Step[] {
  const m = setup.mirrorVhost;
  const o = setup.originVhost;
  const mirrored = setup.exchanges.map((e) => ({ ...e, mirror: mirrorExchangeName(setup, e.name) }));
  const names = mirrored.map((e) => e.mirror);
  const out: Step[] = [];
  // The mirror first: a shovel whose destination exchange is missing fails and waits to retry.
  for (const e of mirrored) out.push(exchange('mirror', m, e.mirror, e.type));
  out.push(user(setup.tracer.login, setup.tracer.passcode, "the browser's tracer: read-only"));
  out.push(permissions(m, setup.tracer.login, tracerPermissions(names), 'own stomp-subscription-* queues; read the traced exchanges, amq.topic and the history streams'));
  out.push(user(setup.shovelUser.login, setup.shovelUser.passcode, 'the shovels publish with it', 'impersonator'));
  out.push(permissions(m, setup.shovelUser.login, shovelUserPermissions(names), 'write to the traced exchanges only'));
  if (setup.history) {
    const h = setup.history;
    out.push(policy('mirror', m, HISTORY_POLICY, HISTORY_QUEUE_PATTERN, { 'max-age': h.maxAge, 'max-length-bytes': h.maxLengthBytes, 'stream-max-segment-size-bytes': h.segmentBytes }, 'history retention'));
    // On a mirror cluster, a replica of each stream on that many nodes: rewinding survives the loss of one.
    const replicas = (setup.historyReplicas ?? 1) > 1 ? { 'x-initial-cluster-size': setup.historyReplicas } : {};
    const what = `stream: the history Rewind reads${'x-initial-cluster-size' in replicas ? `, on ${setup.historyReplicas} nodes` : ''}`;
    for (const e of mirrored) {
      out.push(queue('mirror', m, historyQueueName(e.mirror), { 'x-queue-type': 'stream', ...replicas }, what));
      out.push(binding('mirror', m, e.mirror, historyQueueName(e.mirror)));
    }
  }
  // A slow or frozen browser must never fill the mirror: old messages are dropped first.
  const sb = setup.subscriptionBound;
  out.push(policy('mirror', m, SUBSCRIPTION_POLICY, SUBSCRIPTION_QUEUE_PATTERN, { 'max-length': sb.maxLength, 'max-length-bytes': sb.maxLengthBytes, overflow: 'drop-head' }, 'bounds every tracing subscription queue'));
  if (setup.declareOriginExchanges) for (const e of setup.exchanges) out.push(exchange('origin', o, e.name, e.type));
  // Production's memory comes first: if the mirror stays away, the oldest tracing copies go.
  const bb = setup.shovelBacklog;
  out.push(policy('origin', o, SHOVEL_QUEUE_POLICY, SHOVEL_QUEUE_PATTERN, { 'max-length': bb.maxLength, 'max-length-bytes': bb.maxLengthBytes, overflow: 'drop-head' }, 'bounds what is kept for an absent mirror'));
  for (const e of setup.exchanges) {
    out.push(queue('origin', o, shovelQueueName(e.name), {}, `the shovel's own copy of ${e.name}`));
    out.push(binding('origin', o, e.name, shovelQueueName(e.name)));
  }
  for (const e of setup.exchanges) out.push(shovel(setup, e.name));
  return out;
}

/** GET, with 404 as undefined. */
export async function current(api: ManagementApi, path: string): Promise<unknown> {
  try {
    return await api.get<unknown>(path);
  } catch (e) {
    if (e instanceof ManagementApiError && e.status === 404) return undefined;
    throw e;
  }
}

export type Apis = Record<Broker, ManagementApi>;

/** Reads each step's object and says what applying would do. Changes nothing. */
export async function planAgainst(all: Step[], apis: Apis): Promise<PlannedStep[]> {
  const out: PlannedStep[] = [];
  for (const step of all) {
    const now = await current(apis[step.broker], step.currentPath);
    const state = step.state(now);
    out.push({ step, state, body: step.body(now) });
  }
  return out;
}
