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
  quiet: boolean;
  help: boolean;
}

export interface WorkerOptions {
  /** Probability that a task fails (task-failed event, FAILURE result). */
  failRate: number;
  seed: number | null;
  quiet: boolean;
  help: boolean;
}

export const GENERATOR_USAGE = `usage: tsx generator/cli.ts [options]
  --rate <msg/s>        target publish rate (default 50)
  --duration <seconds>  stop after this long (default: run until SIGINT/SIGTERM)
  --count <n>           stop after n messages
  --seq-start <n>       first x-warren-seq value (default 1)
  --mix <name>          default | events | celery | awkward (default: default)
  --seed <n>            PRNG seed, for a reproducible run (default: random, printed)
  --quiet               no status lines
env: WARREN_ORIGIN_URL (default: the local stack's origin, guest/guest)`;

export const WORKER_USAGE = `usage: tsx generator/worker.ts [options]
  --fail-rate <0..1>    share of tasks that fail (default 0.05)
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
      seed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return {
    failRate: num('fail-rate', values['fail-rate'], (n) => n >= 0 && n <= 1, 'between 0 and 1') ?? 0.05,
    seed: num('seed', values.seed, isCount, 'a non-negative integer'),
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}
