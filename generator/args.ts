/**
 * Command-line parsing for the generator and the worker, kept free of side
 * effects so bad flags are unit-tested rather than discovered mid-run.
 */
import { parseArgs } from 'node:util';
import { MIX_NAMES } from './mix.ts';
import type { MixName } from './mix.ts';

export interface GeneratorOptions {
  rate: number;
  /** Seconds; null = run until signalled. */
  duration: number | null;
  /** Messages; null = no limit. */
  count: number | null;
  seqStart: number;
  mix: MixName;
  seed: number | null;
  /** Share of tasks and RPC requests sent with x-warren-drop-reply (never answered). */
  dropReplyRate: number;
  /** Route every task to this queue (routing key on `celery`) instead of celery/email. */
  taskQueue: string | null;
  /** Put before every RPC request key: `<prefix>rpc.pricing.quote`. */
  rpcKeyPrefix: string;
  /** The reply queue's name (default warren-client-<random>). */
  replyQueue: string | null;
  quiet: boolean;
  help: boolean;
}

export interface WorkerOptions {
  /** Probability that a task fails (task-failed event, FAILURE result). */
  failRate: number;
  /** Queues to consume (each bound on `celery` with its name as key); default celery and email. */
  queues: string[];
  /** Celery node name (`celery -n`); default celery@<host>. */
  hostname: string | null;
  /** One celeryev message per task event instead of Celery 5's task.multi batches. */
  singleEvents: boolean;
  seed: number | null;
  quiet: boolean;
  help: boolean;
}

export interface RpcServiceOptions {
  /** Binding keys on app.events (default rpc.#). */
  bindings: string[];
  /** Queue name; default rpc-service, or rpc-service.<bindings> when --binding is given. */
  queue: string | null;
  /** Share of requests answered with an error reply. */
  failRate: number;
  /** Random delay before each reply, ms (inclusive range). */
  delayMs: [number, number];
  seed: number | null;
  quiet: boolean;
  help: boolean;
}

export const GENERATOR_USAGE = `usage: tsx generator/cli.ts [options]
  --rate <msg/s>        target publish rate (default 50)
  --duration <seconds>  stop after this long (default: run until SIGINT/SIGTERM)
  --count <n>           stop after n messages
  --seq-start <n>       first x-warren-seq value (default 1)
  --mix <name>          default | events | celery | rpc | requests (tasks + rpc) | awkward
                        (default: default)
  --seed <n>            PRNG seed, for a reproducible run (default: random, printed)
  --drop-reply-rate <0..1>  share of tasks and RPC requests sent with x-warren-drop-reply,
                        which the worker and the RPC service never answer (default 0)
  --task-queue <name>   route every task to this queue instead of celery/email
  --rpc-key-prefix <p>  RPC request keys become <p>rpc.pricing.quote, ... (default none)
  --reply-queue <name>  name of the reply queue (default warren-client-<random>)
  --quiet               no status lines
env: WARREN_ORIGIN_URL (default: the local stack's origin, guest/guest)`;

export const WORKER_USAGE = `usage: tsx generator/worker.ts [options]
  --fail-rate <0..1>    share of tasks that fail (default 0.05; never warren.sleep)
  --queue <name>        consume this queue, bound on exchange celery with key <name>;
                        repeatable (default: celery and email). A queue of another name
                        is deleted by the broker 10 min after its last consumer left.
  --hostname <name>     Celery node name in events (default celery@<host>)
  --single-events       one celeryev message per task event (default: task.multi batches, as Celery 5)
  --seed <n>            PRNG seed (default: random)
  --quiet               no status lines
env: WARREN_ORIGIN_URL (default: the local stack's origin, guest/guest)`;

export const RPC_SERVICE_USAGE = `usage: tsx generator/rpc-service.ts [options]
  --binding <pattern>   consume requests published on app.events with keys matching this
                        pattern; repeatable (default rpc.#)
  --queue <name>        the service's queue (default rpc-service; with --binding,
                        rpc-service.<patterns>, deleted 10 min after its last consumer left)
  --fail-rate <0..1>    share of requests answered with an error (default 0.03)
  --delay <min-max>     reply after this many ms, random in the range (default 2-40)
  --seed <n>            PRNG seed (default: random)
  --quiet               no status lines
env: WARREN_ORIGIN_URL (default: the local stack's origin, guest/guest)`;

function num(flag: string, raw: string | undefined, check: (n: number) => boolean, rule: string): number | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) throw new Error(`--${flag} ${raw}: must be ${rule}`);
  return n;
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const rate = (flag: string, raw: string | undefined): number | null => num(flag, raw, (n) => n >= 0 && n <= 1, 'between 0 and 1');

/** A repeatable flag's values, or null when absent; an empty name is refused (it would bind nothing useful). */
function names(flag: string, raw: string[] | undefined): string[] | null {
  if (raw === undefined || raw.length === 0) return null;
  for (const name of raw) if (name.trim() === '') throw new Error(`--${flag}: must not be empty`);
  return raw;
}

export function parseGeneratorArgs(argv: string[]): GeneratorOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      rate: { type: 'string' },
      duration: { type: 'string' },
      count: { type: 'string' },
      'seq-start': { type: 'string' },
      mix: { type: 'string' },
      seed: { type: 'string' },
      'drop-reply-rate': { type: 'string' },
      'task-queue': { type: 'string' },
      'rpc-key-prefix': { type: 'string' },
      'reply-queue': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const mix = values.mix ?? 'default';
  if (!(MIX_NAMES as readonly string[]).includes(mix)) throw new Error(`--mix ${mix}: must be one of ${MIX_NAMES.join(', ')}`);
  return {
    rate: num('rate', values.rate, (n) => n > 0, 'a positive number') ?? 50,
    duration: num('duration', values.duration, (n) => n > 0, 'a positive number of seconds'),
    count: num('count', values.count, isCount, 'a non-negative integer'),
    seqStart: num('seq-start', values['seq-start'], isCount, 'a non-negative integer') ?? 1,
    mix: mix as MixName,
    seed: num('seed', values.seed, isCount, 'a non-negative integer'),
    dropReplyRate: rate('drop-reply-rate', values['drop-reply-rate']) ?? 0,
    taskQueue: names('task-queue', values['task-queue'] === undefined ? undefined : [values['task-queue']])?.[0] ?? null,
    rpcKeyPrefix: values['rpc-key-prefix'] ?? '',
    replyQueue: names('reply-queue', values['reply-queue'] === undefined ? undefined : [values['reply-queue']])?.[0] ?? null,
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}

export function parseWorkerArgs(argv: string[]): WorkerOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'fail-rate': { type: 'string' },
      queue: { type: 'string', multiple: true },
      hostname: { type: 'string' },
      'single-events': { type: 'boolean' },
      seed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return {
    failRate: rate('fail-rate', values['fail-rate']) ?? 0.05,
    queues: names('queue', values.queue) ?? ['celery', 'email'],
    hostname: values.hostname ?? null,
    singleEvents: values['single-events'] ?? false,
    seed: num('seed', values.seed, isCount, 'a non-negative integer'),
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}

export function parseRpcServiceArgs(argv: string[]): RpcServiceOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      binding: { type: 'string', multiple: true },
      queue: { type: 'string' },
      'fail-rate': { type: 'string' },
      delay: { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const delay = values.delay ?? '2-40';
  const m = /^(\d+)(?:-(\d+))?$/.exec(delay);
  const [lo, hi] = m === null ? [NaN, NaN] : [Number(m[1]), Number(m[2] ?? m[1])];
  if (!(lo <= hi)) throw new Error(`--delay ${delay}: must be <ms> or <min>-<max> with min <= max`);
  return {
    bindings: names('binding', values.binding) ?? ['rpc.#'],
    queue: values.queue ?? null,
    failRate: rate('fail-rate', values['fail-rate']) ?? 0.03,
    delayMs: [lo, hi],
    seed: num('seed', values.seed, isCount, 'a non-negative integer'),
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}
