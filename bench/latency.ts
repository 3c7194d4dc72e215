/**
 * Phase 3, latency at a steady rate: each message carries the publisher's
 * clock in `x-bench-sent` (epoch ms, taken just before it is handed to the
 * origin's socket). The page records when the ingest returned for it and when
 * its row was painted: the first task after the rendering update that put its
 * row, or a newer one, in the DOM (see bench/page/bench-hook.ts). Same machine,
 * same clock.
 * The first second is excluded as warm-up.
 */
import type { BenchEnv } from './setup.ts';
import { benchMessage, runPrefix } from './messages.ts';
import { callHook, frameStats, openBenchPage, pageMetrics, type FrameStats } from './page.ts';
import { publishPaced, type PublishResult } from './publish.ts';
import { distribution, sleep, type Distribution } from './stats.ts';

const WARM_UP_MS = 1000;

export interface LatencyResult {
  rate: number;
  seconds: number;
  /** Samples after warm-up that were painted. */
  samples: number;
  /** Published but never ingested (whole run). */
  notIngested: number;
  /** Ingested after warm-up but never caught up with by a painted frame. */
  notPainted: number;
  /** Painted only as "overtaken": a newer row was drawn, its own never was. */
  overtaken: number;
  /** Origin publish → row painted. */
  painted: Distribution;
  /** Origin publish → ingest returned (broker, shovel, web_stomp, WebSocket, parser, ingest). */
  ingested: Distribution;
  /** Ingest returned → row painted (the page's own share; absent in older result files). */
  ingestToPaint?: Distribution;
  publish: PublishResult;
  frames: FrameStats;
  /** The page's main thread while the messages were published and drawn, % of a core (CDP TaskDuration; absent in older result files). */
  busyPercent?: number;
}

export async function measureLatency(env: BenchEnv, rate: number, seconds: number, log: (line: string) => void): Promise<LatencyResult> {
  const prefix = runPrefix('latency');
  const sub = `/exchange/app.events/${prefix}.#`;
  const page = await openBenchPage(env, process.env.WARREN_BENCH_SOCKET ? { sub, socket: process.env.WARREN_BENCH_SOCKET } : { sub });
  try {
    await callHook(page, 'resetProbe');
    await callHook(page, 'startLatency', `${prefix}.`);
    await page.send('Performance.enable');
    const taskSeconds = async () => (await pageMetrics(page))['TaskDuration'] ?? 0;
    const busyFrom = { task: await taskSeconds(), at: Date.now() };
    log(`latency: publishing ${rate} msg/s for ${seconds} s to ${sub}`);
    const publish = await publishPaced(rate, seconds, (seq, sentAt) => benchMessage(prefix, seq, sentAt));
    const busyPercent = (((await taskSeconds()) - busyFrom.task) / ((Date.now() - busyFrom.at) / 1000)) * 100;
    for (let waited = 0; waited < 15_000; waited += 250) {
      if ((await callHook(page, 'probe')).count >= publish.count) break;
      await sleep(250);
    }
    await sleep(1000); // the last rows' frames
    const probe = await callHook(page, 'probe');
    const all = await callHook(page, 'stopLatency');
    const frames = await frameStats(page, probe.firstAt, probe.lastAt);

    const cutoff = publish.startedAt + WARM_UP_MS;
    const afterWarmUp = all.filter((s) => s.sentAt >= cutoff);
    const painted = afterWarmUp.filter((s) => s.paintedAt >= 0);
    return {
      rate,
      seconds,
      samples: painted.length,
      notIngested: publish.count - all.length,
      notPainted: afterWarmUp.length - painted.length,
      overtaken: painted.filter((s) => !s.rowSeen).length,
      painted: distribution(painted.map((s) => s.paintedAt - s.sentAt)),
      ingested: distribution(afterWarmUp.map((s) => s.ingestedAt - s.sentAt)),
      ingestToPaint: distribution(painted.map((s) => s.paintedAt - s.ingestedAt)),
      publish,
      frames,
      busyPercent,
    };
  } finally {
    await page.close();
  }
}
