/**
 * Phase 2, dashboard ingest: the same N messages, published the same way,
 * into the dashboard page subscribed to a fresh prefix, with the table visible
 * and following and whatever else the page shows by default. The page's probe
 * gives the first-to-last ingest time; losses are counted by `x-warren-seq`
 * over what the ring buffer retained.
 */
import type { BenchEnv } from './setup.ts';
import { sampleBacklog, type BacklogPeaks } from './backlog.ts';
import { benchMessage, runPrefix } from './messages.ts';
import { callHook, FRAME_RECORDER, frameStats, isFollowing, openBenchPage, type FrameStats } from './page.ts';
import { EVENT_TIMING_RECORDER, measureInputLatency, type InputLatency } from './input-latency.ts';
import { startTracing } from './cdp.ts';
import { publishBurst, type PublishResult } from './publish.ts';
import { ratePerSecond, sleep } from './stats.ts';
import { managementApi } from '../stack/rabbitmq-node.ts';
import type { CpuProfile } from './profile.ts';
import { sampleCpu, type CpuUsage } from './cpu.ts';
import { summariseTrace, TRACE_CATEGORIES, type TraceSummary } from './trace.ts';

export interface IngestResult {
  prefix: string;
  n: number;
  /** Distinct x-warren-seq values retained; lost = n - distinct. */
  distinct: number;
  lost: number;
  duplicates: number;
  /** msg/s between the first and the last ingest call. */
  rate: number;
  spanMs: number;
  /** The last message's arrival after the publisher had handed over its last one. */
  tailMs: number;
  publish: PublishResult;
  frames: FrameStats;
  backlog: BacklogPeaks;
  /** The table still followed the newest row at the end. */
  following: boolean;
  /** CPU use per process (and renderer thread) while publishing and ingesting. */
  cpu: CpuUsage;
  /** With `input`: keystroke and click latencies while ingesting. */
  input?: InputLatency;
}

export interface IngestOptions {
  /** Runs under Chrome's sampling CPU profiler and a trace; returns both (not a timed run). */
  profile?: boolean;
  /** 'main': the page's WebSocket on its main thread (`?socket=main`), to compare with the socket worker (the default). */
  socket?: 'main';
  /** Types in the filter and clicks rows while ingesting (input-latency.ts); the run's rate is then not the dashboard's best. */
  input?: boolean;
}

/** Polls the probe until `n` messages arrived or none came for `idleMs`. */
async function waitForIngest(poll: () => Promise<number>, n: number, publishing: { done: boolean }, idleMs: number): Promise<void> {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const count = await poll();
    if (count >= n) return;
    if (count !== last) {
      last = count;
      lastChange = Date.now();
    } else if (publishing.done && Date.now() - lastChange > idleMs) return;
    await sleep(250);
  }
}

export async function measureIngest(env: BenchEnv, n: number, log: (line: string) => void, options: IngestOptions = {}): Promise<IngestResult & { cpuProfile?: CpuProfile; trace?: TraceSummary; traceJson?: string }> {
  if (!env.cdp) throw new Error('no browser');
  const cdp = env.cdp;
  const prefix = runPrefix(options.profile ? 'profile' : 'ingest');
  const sub = `/exchange/app.events/${prefix}.#`;
  const page = await openBenchPage(env, options.socket ? { sub, socket: options.socket } : { sub }, options.input ? FRAME_RECORDER + EVENT_TIMING_RECORDER : FRAME_RECORDER);
  try {
    await callHook(page, 'resetProbe');
    let stopTracing: (() => Promise<string>) | null = null;
    if (options.profile) {
      stopTracing = await startTracing(cdp, TRACE_CATEGORIES);
      await page.send('Profiler.enable');
      await page.send('Profiler.setSamplingInterval', { interval: 250 });
      await page.send('Profiler.start');
    }
    const stopBacklog = sampleBacklog(managementApi(env.stack, env.stack.mirror), managementApi(env.stack, env.stack.origin), `${prefix}.#`);
    log(`${options.profile ? 'profile' : 'ingest'}${options.socket ? ` (socket on the ${options.socket} thread)` : ''}: page subscribed to ${sub}; publishing ${n.toLocaleString('en-US')} messages`);
    const stopCpu = sampleCpu(env.stack);
    const publishing = { done: false };
    const published = publishBurst(n, (seq) => benchMessage(prefix, seq)).finally(() => (publishing.done = true));
    const arrived = waitForIngest(async () => (await callHook(page, 'probe')).count, n, publishing, 20_000);
    const input = options.input ? measureInputLatency(page, 1000, 200, () => publishing.done) : undefined;
    const [publish] = await Promise.all([published, arrived]);
    const cpu = stopCpu();
    const cpuProfile = options.profile ? (await page.send<{ profile: CpuProfile }>('Profiler.stop')).profile : undefined;
    const traceJson = stopTracing ? await stopTracing() : undefined;
    const trace = traceJson ? summariseTrace(traceJson, env.outDir) : undefined;
    const backlog = await stopBacklog();

    const probe = await callHook(page, 'probe');
    const seqs = await callHook(page, 'seqStats', `${prefix}.`, n);
    const frames = await frameStats(page, probe.firstAt, probe.lastAt);
    const timeOrigin = await page.evaluate<number>('performance.timeOrigin');
    const following = await isFollowing(page);
    const spanMs = probe.lastAt - probe.firstAt;
    return {
      prefix,
      n,
      distinct: seqs.distinct,
      lost: n - seqs.distinct,
      duplicates: seqs.duplicates,
      rate: ratePerSecond(probe.count, spanMs),
      spanMs,
      tailMs: timeOrigin + probe.lastAt - publish.endedAt,
      publish,
      frames,
      backlog,
      following,
      cpu,
      ...(input ? { input: await input } : {}),
      ...(cpuProfile ? { cpuProfile } : {}),
      ...(trace ? { trace, traceJson } : {}),
    };
  } finally {
    await page.close();
  }
}
