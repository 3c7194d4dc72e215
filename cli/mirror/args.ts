/**
 * `warren mirror` options, and where each broker's credentials come from:
 * the URL (`http://user:pass@host:15672`), then WARREN_<ORIGIN|MIRROR>_USER /
 * _PASSWORD, then the same keys in --credentials-file (KEY=VALUE lines).
 * The URLs themselves may come from WARREN_ORIGIN_MGMT_URL /
 * WARREN_MIRROR_MGMT_URL (environment or file).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AmqpAddress, Credentials } from './setup.ts';

export const USAGE = `usage: warren mirror plan|apply|status|watch|remove [options]

  plan      print what apply would create or change on each broker, in order,
            with the equivalent rabbitmqctl / rabbitmqadmin commands; changes nothing
  apply     do it (idempotent: a second apply changes nothing and says so), wait for the shovels
  status    shovel states, backlog on the origin, mirror lag, subscription queues, stream sizes;
            exit code 1 when unhealthy
  watch     keep watching (until Ctrl-C): restart a shovel that reports running but has
            moved nothing for --stall-seconds while messages wait on the origin (seen on
            RabbitMQ 3.10 after a mirror cluster node is lost); says when it does
  remove    delete exactly what apply created, nothing else

  --origin <url>            origin management URL, e.g. https://admin:secret@prod.internal:15671
                            (or WARREN_ORIGIN_MGMT_URL)
  --mirror <url>            mirror management URL (or WARREN_MIRROR_MGMT_URL)
  --exchange <name>         an origin exchange to trace (repeat; plan/apply; status and remove
                            read the exchanges from the record apply keeps on the origin)
  --vhost <vhost>           vhost on both brokers (default /); --origin-vhost, --mirror-vhost apart
  --origin-name <name>      prefix the mirror's exchanges with <name>. (one mirror, several origins)
  --mirror-amqp <url>       where the origin node reaches the mirror's AMQP listener
                            (default: the mirror management host, and the port
                            the mirror reports for its AMQP listener, else 5672).
                            A mirror cluster: repeat it or give a comma-separated list,
                            one per node; the shovels fail over among them and the
                            history streams get a replica on that many nodes
  --credentials-file <file> KEY=VALUE lines: WARREN_ORIGIN_USER, WARREN_ORIGIN_PASSWORD,
                            WARREN_MIRROR_USER, WARREN_MIRROR_PASSWORD, WARREN_TRACER_PASSWORD, ...
  --tracer-user <login>     the browser's read-only user on the mirror (default warren)
  --shovel-user <login>     the user the shovels publish with (default warren-shovel)
  --wait <seconds>          how long apply waits for the shovels to run (default 60)
  --stall-seconds <s>       watch: how long a shovel may move nothing before a restart (default 15)

Passwords are never printed. The tracer password is WARREN_TRACER_PASSWORD, or generated and
shown once when apply creates the user.`;

export interface BrokerTarget {
  /** Management URL without credentials. */
  url: string;
  credentials: Credentials;
  vhost: string;
}

export interface MirrorOptions {
  action: 'plan' | 'apply' | 'status' | 'watch' | 'remove';
  origin: BrokerTarget;
  mirror: BrokerTarget;
  exchanges: string[];
  originName?: string;
  mirrorAmqp: AmqpAddress;
  /** The other addresses --mirror-amqp gave (a mirror cluster's other nodes), in order. */
  mirrorAmqpAlternates: AmqpAddress[];
  /** --mirror-amqp was given; otherwise the port is the one the mirror reports for its AMQP listener (see command.ts). */
  mirrorAmqpGiven: boolean;
  tracerLogin: string;
  shovelLogin: string;
  tracerPassword: string | null;
  shovelPassword: string | null;
  waitSeconds: number;
  stallSeconds: number;
  /** Environment and credentials file merged (the environment wins). */
  env: Record<string, string | undefined>;
}

export class UsageError extends Error {}

const ACTIONS = ['plan', 'apply', 'status', 'watch', 'remove'] as const;

export function parseCredentialsFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) throw new UsageError(`credentials file: "${line.slice(0, 40)}" is not KEY=VALUE`);
    let value = line.slice(eq + 1).trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    out[line.slice(0, eq).trim()] = value;
  }
  return out;
}

function target(role: 'origin' | 'mirror', raw: string | undefined, vhost: string, env: MirrorOptions['env']): BrokerTarget {
  const upper = role.toUpperCase();
  const given = raw ?? env[`WARREN_${upper}_MGMT_URL`];
  if (!given) throw new UsageError(`no ${role}: give --${role} <management URL> or set WARREN_${upper}_MGMT_URL`);
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--${role}: not a URL (expected http(s)://host:15672)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${role}: the management API is http:// or https://, not ${url.protocol}`);
  const login = url.username ? decodeURIComponent(url.username) : env[`WARREN_${upper}_USER`];
  const passcode = url.password ? decodeURIComponent(url.password) : env[`WARREN_${upper}_PASSWORD`];
  if (!login || passcode === undefined) {
    throw new UsageError(`no credentials for the ${role}: put them in the URL (http://user:password@host:15672), or set WARREN_${upper}_USER and WARREN_${upper}_PASSWORD (environment or --credentials-file)`);
  }
  url.username = '';
  url.password = '';
  // fetch refuses URLs with credentials; the API paths start with /api.
  return { url: url.toString().replace(/\/+$/, ''), credentials: { login, passcode }, vhost };
}

export function parseMirrorArgs(args: string[], processEnv: Record<string, string | undefined> = process.env, readFile = (p: string) => readFileSync(p, 'utf8')): MirrorOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      origin: { type: 'string' },
      mirror: { type: 'string' },
      exchange: { type: 'string', multiple: true },
      vhost: { type: 'string' },
      'origin-vhost': { type: 'string' },
      'mirror-vhost': { type: 'string' },
      'origin-name': { type: 'string' },
      'mirror-amqp': { type: 'string', multiple: true },
      'credentials-file': { type: 'string' },
      'tracer-user': { type: 'string' },
      'shovel-user': { type: 'string' },
      wait: { type: 'string' },
      'stall-seconds': { type: 'string' },
    },
  });
  const action = positionals[0];
  if (!ACTIONS.includes(action as MirrorOptions['action']) || positionals.length > 1) {
    throw new UsageError(action ? `unknown action "${positionals.join(' ')}"` : 'which action? plan, apply, status, watch or remove');
  }
  const file = values['credentials-file'] ? parseCredentialsFile(readFile(values['credentials-file'])) : {};
  const env: MirrorOptions['env'] = { ...file };
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined && v !== '') env[k] = v;
  const vhost = values.vhost ?? '/';
  const origin = target('origin', values.origin, values['origin-vhost'] ?? vhost, env);
  // A watch talks to the origin only (the mirror may be the part that is down): no mirror needed.
  const mirrorGiven = values.mirror !== undefined || env.WARREN_MIRROR_MGMT_URL !== undefined;
  const mirror = action === 'watch' && !mirrorGiven ? origin : target('mirror', values.mirror, values['mirror-vhost'] ?? vhost, env);
  const exchanges = [...new Set(values.exchange ?? [])];
  if ((action === 'plan' || action === 'apply') && exchanges.length === 0) throw new UsageError('which exchanges? give --exchange <name> (repeat for several)');
  const originName = values['origin-name'];
  if (originName !== undefined && !/^[A-Za-z0-9_.-]+$/.test(originName)) throw new UsageError('--origin-name: letters, digits, _ . - only');
  const waitSeconds = Number(values.wait ?? 60);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new UsageError('--wait: a number of seconds');
  const stallSeconds = Number(values['stall-seconds'] ?? 15);
  // Under the management API's own statistics interval (5 s), every poll would look stalled.
  if (!Number.isFinite(stallSeconds) || stallSeconds < 6) throw new UsageError('--stall-seconds: a number of seconds, at least 6');
  const [mirrorAmqp, ...mirrorAmqpAlternates] = amqpTargets(values['mirror-amqp'], mirror.url);
  return {
    action: action as MirrorOptions['action'],
    origin,
    mirror,
    exchanges,
    originName,
    mirrorAmqp,
    mirrorAmqpAlternates,
    mirrorAmqpGiven: values['mirror-amqp'] !== undefined,
    tracerLogin: values['tracer-user'] ?? 'warren',
    shovelLogin: values['shovel-user'] ?? 'warren-shovel',
    tracerPassword: env.WARREN_TRACER_PASSWORD ?? null,
    shovelPassword: env.WARREN_SHOVEL_PASSWORD ?? null,
    waitSeconds,
    stallSeconds,
    env,
  };
}

/** Every --mirror-amqp address, repeated or comma-separated, duplicates dropped; at least one. */
function amqpTargets(raw: string[] | undefined, mirrorUrl: string): [AmqpAddress, ...AmqpAddress[]] {
  const given = (raw ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter((r) => r !== '');
  if (raw !== undefined && given.length === 0) throw new UsageError('--mirror-amqp: not a URL (expected amqp://host:5672)');
  const fallback: AmqpAddress = { host: new URL(mirrorUrl).hostname.replace(/^\[|\]$/g, ''), port: 5672 };
  const [first = fallback, ...rest] = given.map(amqpTarget);
  const key = (a: AmqpAddress) => `${a.host}:${a.port}`;
  const seen = new Set([key(first)]);
  return [first, ...rest.filter((a) => !seen.has(key(a)) && seen.add(key(a)))];
}

function amqpTarget(raw: string): AmqpAddress {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError('--mirror-amqp: not a URL (expected amqp://host:5672)');
  }
  if (url.protocol !== 'amqp:') throw new UsageError('--mirror-amqp: amqp://host:port (the shovel connects with the shovel user)');
  if (url.username || url.password) throw new UsageError('--mirror-amqp: no credentials here; the shovel user is created by apply');
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 5672 };
}
