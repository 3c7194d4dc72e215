/** `npm run bench` flags, parsed without side effects. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Messages for the ceiling and the dashboard ingest runs. */
  n: number;
  /** Steady publish rate and duration of the latency run. */
  latencyRate: number;
  latencySeconds: number;
  /** Messages retained in the capacity and archive runs; 0 skips them. */
  capacity: number;
  /** Extra ingest pass under the CDP CPU profiler (not timed), summarised in the results. */
  profile: boolean;
  /** Where the bench serves the dashboard (not 8080, so `npm start` can keep running). */
  port: number;
  quick: boolean;
  /** Ingest a second time with the page's WebSocket on the main thread (`?socket=main`). */
  compareSocket: boolean;
  /** Run only these phases (`--only rest,cost`); null runs them all. */
  only: Set<BenchPhase> | null;
}

export const BENCH_PHASES = ['ceiling', 'ingest', 'rewind', 'rest', 'cost', 'input', 'latency', 'capacity', 'conversations', 'archive', 'load', 'decoders', 'features', 'viewers', 'viewers-cluster'] as const;
/** Phases that run only when named in --only (the full bench would take too long with them). */
export const OPT_IN_PHASES: readonly BenchPhase[] = ['viewers-cluster'];
export type BenchPhase = (typeof BENCH_PHASES)[number];

export const BENCH_USAGE = `usage: npm run bench -- [options]
  --n <count>         messages for the ceiling and dashboard ingest runs (default 200000)
  --quick             fast check: n=20000, latency 5 s, capacity 200000
  --skip-capacity     skip the 1,000,000-message capacity runs (domain and Celery mix) and the archive (export/import) run
  --skip-socket-compare  skip the second ingest run with the WebSocket on the main thread
  --profile           add an ingest pass under Chrome's CPU profiler and print where the time goes
  --port <port>       where to serve the dashboard (default 8097)
  --latency-rate <n>  the latency run's steady rate, msg/s (default 1000, the rate its goals are set at)
  --only <phases>     comma-separated, of: ${BENCH_PHASES.join(', ')} (the ratio needs ceiling and ingest)
                      viewers: N headless viewers (1 … 40) at 1,000 msg/s, a classic queue each vs the shared stream (~6 min)
                      viewers-cluster: the same, viewers spread over a mirror cluster (WARREN_MIRROR_NODES=3 npm run bench -- --only viewers-cluster);
                      only when named here`;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${raw}\n${BENCH_USAGE}`);
  return n;
}

function parsePhases(raw: string): Set<BenchPhase> {
  const names = raw.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(BENCH_PHASES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--only: unknown phase ${unknown.join(', ') || '(none)'}\n${BENCH_USAGE}`);
  return new Set(names as BenchPhase[]);
}

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'skip-capacity': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'skip-socket-compare': { type: 'boolean', default: false },
      port: { type: 'string' },
      'latency-rate': { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = values.quick;
  const port = positiveInt('port', values.port, 8097);
  if (port > 65535) throw new Error(`--port ${port} is not a TCP port`);
  return {
    n: positiveInt('n', values.n, quick ? 20_000 : 200_000),
    latencyRate: positiveInt('latency-rate', values['latency-rate'], 1_000),
    latencySeconds: quick ? 5 : 20,
    capacity: values['skip-capacity'] ? 0 : quick ? 200_000 : 1_000_000,
    profile: values.profile,
    port,
    quick,
    compareSocket: !values['skip-socket-compare'] && !quick,
    only: values.only === undefined ? null : parsePhases(values.only),
  };
}
