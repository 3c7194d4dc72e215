/**
 * `npm run bench`: Warren measured against the practical ceiling in one run.
 * 0. stack up (never stopped), build, serve on the bench port, Chromium;
 * 1. ceiling: N messages through the shovel to a bare stompjs consumer;
 * 2. the same N into the dashboard (msg/s, loss, frames, long tasks), and
 *    again with its WebSocket on the main thread (`?socket=main`);
 * 3. the page at rest on the real stack at 50 msg/s (charts open, collapsed,
 *    paused), and alone: main-thread time at a steady synthetic 100 and 2,000 msg/s;
 *    rewind: the same N read from the mirror's history stream by a page
 *    opened after they were published (?rewind=), as a ratio to that ingest;
 * 4. latency publish → row painted at a steady 1,000 msg/s; input → next
 *    paint (Event Timing) for filter keystrokes and row clicks, page alone at
 *    2,000 msg/s and on the real stack at max ingest;
 * 5. capacity: 1,000,000 retained (heap, re-filter times); conversations:
 *    the same with the Celery mix and the conversation index (heap, the
 *    index's share, task:/conv: re-filters, requests view read) and parse +
 *    ingest with / without the index for both mixes; archive: export and
 *    import of them as NDJSON (seconds, peak heap);
 * 6. load: bundle size and first paint;
 * 7. viewers: what each viewer costs the mirror, a classic queue each vs the
 *    shared history stream, and the N where one node stops keeping up
 *    (viewers-cluster: the same on a 3-node mirror, only with --only).
 * A phase that fails is reported and the others still run; browser and
 * server are closed at the end whatever happens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureArchive } from './archive.ts';
import { measureRewind } from './rewind.ts';
import { cpus } from 'node:os';
import { BENCH_USAGE, OPT_IN_PHASES, parseBenchArgs, type BenchPhase } from './args.ts';
import { measureCapacity } from './capacity.ts';
import { measureCeiling } from './ceiling.ts';
import { measureConversations } from './conversations.ts';
import { measureIngest } from './ingest.ts';
import { measureLatency } from './latency.ts';
import { measureLoad } from './load.ts';
import { measurePageCost, measurePageInput } from './page-cost.ts';
import { measureChartRefresh, measureFieldChartRefresh } from './chart-refresh.ts';
import { measurePageRest } from './page-rest.ts';
import { measureDecoders } from './decoders.ts';
import { measureFeatureCosts } from './feature-costs.ts';
import { summariseProfile } from './profile.ts';
import { printDiagnostics, printTable, rows, writeResults, type BenchResults } from './report.ts';
import { setup, teardown, type BenchEnv } from './setup.ts';
import { measureViewers, viewersOptions } from './viewers/ladder.ts';
import { openPageWatcher } from './viewers/page-step.ts';

const log = (line: string) => console.log(`[bench] ${line}`);

async function phase<T>(results: BenchResults, name: string, fn: () => Promise<T>): Promise<T | undefined> {
  const started = Date.now();
  try {
    const value = await fn();
    log(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return value;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`${name} FAILED: ${message}`);
    results.errors.push({ phase: name, message });
    return undefined;
  }
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(BENCH_USAGE);
    return 0;
  }
  const startedAt = new Date();
  const results: BenchResults = { errors: [] };
  let env: BenchEnv | null = null;
  const stop = () => {
    log('interrupted: closing the browser and the server');
    void (env ? teardown(env) : Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    // Node only (no page, no broker): first, while the machine is quiet.
    if (options.only === null || options.only.has('decoders')) results.decoders = await phase(results, 'decoders', () => measureDecoders(options.quick, log));
    if (options.only === null || options.only.has('features')) results.features = await phase(results, 'features (watches, field charts)', () => measureFeatureCosts(options.quick, log));
    env = await setup(options.port, log);
    const e = env;
    const want = (name: BenchPhase) => (options.only === null ? !OPT_IN_PHASES.includes(name) : options.only.has(name));
    if (want('ceiling')) results.ceiling = await phase(results, 'ceiling', () => measureCeiling(e.stack, options.n, log));
    if (want('ingest')) results.ingest = await phase(results, 'dashboard ingest', () => measureIngest(e, options.n, log));
    if (want('rewind')) results.rewind = await phase(results, 'rewind', () => measureRewind(e, options.n, log));
    if (want('ingest') && options.compareSocket) results.ingestMainSocket = await phase(results, 'dashboard ingest, socket on the main thread', () => measureIngest(e, options.n, log, { socket: 'main' }));
    if (options.profile) {
      const n = Math.min(options.n, 30_000);
      const profiled = await phase(results, 'profile', () => measureIngest(e, n, log, { profile: true }));
      if (profiled?.cpuProfile) {
        const dir = resolve(import.meta.dirname, '..', 'test-results', 'bench');
        mkdirSync(dir, { recursive: true });
        writeFileSync(resolve(dir, 'ingest.cpuprofile'), JSON.stringify(profiled.cpuProfile));
        if (profiled.traceJson) writeFileSync(resolve(dir, 'ingest-trace.json'), profiled.traceJson);
        results.profile = summariseProfile(profiled.cpuProfile, e.outDir);
        if (profiled.trace) results.trace = profiled.trace;
        results.profileCpu = profiled.cpu;
        log(`profile: ${n.toLocaleString('en-US')} messages at ${Math.round(profiled.rate)} msg/s under the profiler; raw profile and trace in test-results/bench/ (open them in Chrome DevTools' Performance panel)`);
      }
    }
    if (want('rest')) results.pageRest = await phase(results, 'page at rest', () => measurePageRest(e, 50, options.quick ? 8 : 15, log));
    if (want('cost')) results.pageCost = await phase(results, 'page cost', () => measurePageCost(e, [100, 2_000], options.quick ? 5 : 10, log));
    if (want('cost')) results.chartRefresh = await phase(results, 'chart refresh', () => measureChartRefresh(e, options.quick ? 8 : 16, log));
    if (want('cost')) results.fieldChartRefresh = await phase(results, 'field chart refresh', () => measureFieldChartRefresh(e, options.quick ? 12 : 30, log));
    if (want('input')) {
      results.inputAlone = await phase(results, 'input latency, page alone', () => measurePageInput(e, 2_000, options.quick ? 6 : 12, log));
      results.inputIngest = await phase(results, 'input latency, real stack at max ingest', async () => (await measureIngest(e, options.n, log, { input: true })).input);
    }
    if (want('latency')) results.latency = await phase(results, 'latency', () => measureLatency(e, options.latencyRate, options.latencySeconds, log));
    if (want('capacity') && options.capacity > 0) results.capacity = await phase(results, 'capacity', () => measureCapacity(e, options.capacity, log));
    if (want('conversations') && options.capacity > 0) {
      const rateCount = options.quick ? 50_000 : 200_000;
      results.conversations = await phase(results, 'conversations', () => measureConversations(e, options.capacity, rateCount, options.quick ? 2 : 4, log));
    }
    if (want('archive') && options.capacity > 0) results.archive = await phase(results, 'archive', () => measureArchive(e, options.capacity, log));
    if (want('load')) results.load = await phase(results, 'load', () => measureLoad(e, log));
    if (want('viewers')) {
      const open = openPageWatcher(e, 'app.events');
      results.viewers = await phase(results, 'viewers', () => measureViewers(e.stack, false, viewersOptions(options.quick), cpus().length, log, open));
    }
    if (want('viewers-cluster')) results.viewersCluster = await phase(results, 'viewers, mirror cluster', () => measureViewers(e.stack, true, viewersOptions(options.quick), cpus().length, log));
  } catch (e) {
    results.errors.push({ phase: 'setup', message: e instanceof Error ? e.message : String(e) });
    log(`setup FAILED: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    if (env) await teardown(env);
  }

  console.log('');
  printTable(rows(results));
  printDiagnostics(results);
  const file = writeResults(results, options, startedAt);
  log(`results: ${file}${options.only === null && !options.quick ? ' and bench/results/latest.json' : ''}`);
  return results.errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
