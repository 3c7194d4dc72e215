/**
 * Rewind phase: N messages published with a fresh prefix BEFORE the page
 * opens, left to reach the mirror's history stream (the shovel's queue on the
 * origin drained), then a page opened with `?rewind=<a moment just before the
 * publish>`: everything it shows is read from the stream. The rate is the
 * page's own first-to-last ingest span, like the ingest phase, so the two
 * compare as a ratio within the run. Losses and duplicates by x-warren-seq.
 */
import type { BenchEnv } from './setup.ts';
import { benchMessage, runPrefix } from './messages.ts';
import { callHook, openBenchPage } from './page.ts';
import { publishBurst, type PublishResult } from './publish.ts';
import { ratePerSecond, sleep } from './stats.ts';
import { managementApi } from '../stack/rabbitmq-node.ts';
import { shovelQueueName } from '../stack/provision.ts';

export interface RewindBenchResult {
  n: number;
  /** msg/s between the first and the last message the page ingested. */
  rate: number;
  spanMs: number;
  /** From opening the page to the last message in, ms: connecting and subscribing included. */
  openToLastMs: number;
  distinct: number;
  lost: number;
  duplicates: number;
  publish: PublishResult;
}

async function waitForShovelDrained(env: BenchEnv, timeoutMs: number): Promise<void> {
  const api = managementApi(env.stack, env.stack.origin);
  const path = `/api/queues/${encodeURIComponent(env.stack.vhost)}/${encodeURIComponent(shovelQueueName('app.events'))}`;
  const deadline = Date.now() + timeoutMs;
  // The management API's counts lag by its stats interval: see zero twice, 5 s apart.
  let zeros = 0;
  while (Date.now() < deadline) {
    const q = await api.get<{ messages?: number }>(path);
    zeros = (q.messages ?? 1) === 0 ? zeros + 1 : 0;
    if (zeros >= 2) return;
    await sleep(5000);
  }
  throw new Error(`the shovel's queue on the origin did not drain within ${timeoutMs / 1000} s`);
}

export async function measureRewind(env: BenchEnv, n: number, log: (line: string) => void): Promise<RewindBenchResult> {
  const prefix = runPrefix('rewind');
  const sub = `/exchange/app.events/${prefix}.#`;
  const fromIso = new Date(Date.now() - 1000).toISOString();
  log(`rewind: publishing ${n.toLocaleString('en-US')} messages with no page open, then waiting for the mirror's stream to have them`);
  const publish = await publishBurst(n, (seq) => benchMessage(prefix, seq));
  await waitForShovelDrained(env, 300_000);
  const openedAt = Date.now();
  const page = await openBenchPage(env, { sub, rewind: fromIso });
  try {
    let last = -1;
    let lastChange = Date.now();
    for (;;) {
      const { count } = await callHook(page, 'probe');
      if (count >= n) break;
      if (count !== last) {
        last = count;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > 20_000) break;
      await sleep(250);
    }
    const probe = await callHook(page, 'probe');
    const seqs = await callHook(page, 'seqStats', `${prefix}.`, n);
    const timeOrigin = await page.evaluate<number>('performance.timeOrigin');
    const spanMs = probe.lastAt - probe.firstAt;
    const result: RewindBenchResult = {
      n,
      rate: ratePerSecond(probe.count, spanMs),
      spanMs,
      openToLastMs: timeOrigin + probe.lastAt - openedAt,
      distinct: seqs.distinct,
      lost: n - seqs.distinct,
      duplicates: seqs.duplicates,
      publish,
    };
    log(`rewind: ${probe.count.toLocaleString('en-US')} in ${(spanMs / 1000).toFixed(1)} s = ${Math.round(result.rate)} msg/s; lost ${result.lost}, duplicates ${result.duplicates}`);
    return result;
  } finally {
    await page.close();
  }
}
