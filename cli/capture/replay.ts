/**
 * `warren replay`: re-publishes a capture file (the page's export format, or
 * `warren record`'s) to a broker given explicitly with `--to`, with the
 * original exchanges (or mapped ones), routing keys, properties and headers,
 * at the original pacing scaled by `--speed`, with publisher confirms.
 * Refuses an origin that `warren mirror` manages (managed-origin.ts).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseFilterQuery, type CompiledFilter } from '../../src/filter/index.ts';
import { addSecret, displayUrl, reason, report, say } from './output.ts';
import { preflight, replayFile, type ReplayPlan } from './replay-run.ts';
import { checkManagedOrigin, defaultManagementUrl } from './managed-origin.ts';
import { parseSpeed } from './replay-publisher.ts';
import { UsageError } from './util.ts';

const USAGE = `usage: warren replay <capture.ndjson[.gz]> --to <amqp url> [options]

Re-publishes the messages of a capture file with their routing keys, AMQP
properties and headers, paced as they were recorded.

  --to <amqp url>             the broker and vhost to publish to, e.g.
                              amqp://user:pass@host:5672/vhost (required: replay never guesses)
  --exchange-map <from>=<to>  publish what came from exchange <from> to <to> (repeatable;
                              an empty <from> is the default exchange)
  --speed <1x|2x|0.5x|max>    pacing relative to the recording (default 1x; max: no waiting)
  --filter <query>            only the messages the page's filter box would show for this
                              text (key patterns, exchange:, key:, body:, -negation)
  --string-headers            publish every header as a string (default: integer-looking
                              values as AMQP integers, as RabbitMQ rendered them)
  --to-management <url>       management API used to recognise a managed origin (default:
                              same host, AMQP port + 10000, the --to credentials)
  --force-managed-origin      publish even though the target is an origin that warren mirror
                              manages (its traffic is shovelled to the mirror and traced as
                              if production sent it): for a staging origin fed on purpose

Exit code 0 when every message was confirmed, 1 otherwise, 2 for usage.`;

interface ReplayOptions {
  file: string;
  to: URL;
  management: URL;
  exchangeMap: Map<string, string>;
  speed: number | null;
  filter: CompiledFilter;
  stringHeaders: boolean;
  forceManagedOrigin: boolean;
}

function parseOptions(args: string[]): ReplayOptions | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      'to-management': { type: 'string' },
      'exchange-map': { type: 'string', multiple: true },
      speed: { type: 'string' },
      filter: { type: 'string' },
      'string-headers': { type: 'boolean' },
      'force-managed-origin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  if (values.to === undefined) throw new UsageError('refusing to publish without --to <amqp url>: replay never picks a broker by itself');
  const to = parseUrl('--to', values.to, ['amqp:', 'amqps:']);
  const management = values['to-management'] === undefined ? defaultManagementUrl(to) : parseUrl('--to-management', values['to-management'], ['http:', 'https:']);
  if (values['to-management'] !== undefined && management.username === '') {
    management.username = to.username;
    management.password = to.password;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the capture file to replay' : `one capture file at a time (got ${positionals.length})`);
  const exchangeMap = new Map<string, string>();
  for (const pair of values['exchange-map'] ?? []) {
    const eq = pair.indexOf('=');
    if (eq === -1) throw new UsageError(`--exchange-map ${pair}: expected <from>=<to>`);
    exchangeMap.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  let speed: number | null;
  try {
    speed = parseSpeed(values.speed ?? '1x');
  } catch (e) {
    throw new UsageError(reason(e));
  }
  const parsed = parseFilterQuery(values.filter ?? '');
  if (!parsed.ok) throw new UsageError(`--filter: ${parsed.error}`);
  return {
    file: positionals[0]!,
    to,
    management,
    exchangeMap,
    speed,
    filter: parsed.filter,
    stringHeaders: values['string-headers'] ?? false,
    forceManagedOrigin: values['force-managed-origin'] ?? false,
  };
}

function parseUrl(option: string, text: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${option}: not a URL`);
  }
  addSecret(url.password);
  addSecret(decodeURIComponent(url.password));
  if (!protocols.includes(url.protocol)) throw new UsageError(`${option} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL`);
  return url;
}

/** The vhost an AMQP URL names, as amqplib reads it: the path without its first `/`, decoded; none is `/`. */
export function vhostOf(amqp: URL): string {
  const path = decodeURIComponent(amqp.pathname.slice(1));
  return path === '' ? '/' : path;
}

export async function main(args: string[]): Promise<number> {
  let options: ReplayOptions | 'help';
  try {
    options = parseOptions(args);
  } catch (e) {
    say(`warren replay: ${reason(e)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    report(USAGE);
    return 0;
  }
  if (!existsSync(options.file)) {
    say(`warren replay: no such file ${options.file}`);
    return 1;
  }
  const vhost = vhostOf(options.to);
  const target = `${displayUrl(options.to)} (vhost ${vhost})`;
  const check = await checkManagedOrigin(options.management, vhost);
  if (check.kind === 'managed') {
    const shown = check.evidence.length > 3 ? [...check.evidence.slice(0, 3), `${check.evidence.length - 3} more`] : check.evidence;
    const found = `${target} is an origin that warren mirror manages (${shown.join(', ')})`;
    if (!options.forceManagedOrigin) {
      say(`warren replay: refusing: ${found}. What replay publishes there is shovelled to the mirror and traced as production traffic, and reaches production consumers. Replay to another vhost or broker, or give --force-managed-origin if that is what you want.`);
      return 1;
    }
    say(`warning: ${found}; publishing anyway (--force-managed-origin)`);
  } else if (check.kind === 'unknown') {
    say(`warning: could not check whether ${target} is an origin warren mirror manages: ${check.why}. Give --to-management <url> to check.`);
  }

  const plan: ReplayPlan = { ...options, target, publisherUser: decodeURIComponent(options.to.username) || 'guest' };
  const scan = await preflight(plan);
  if (scan === null) return 1;
  return replayFile(plan, scan);
}
