/**
 * Production-like traffic for the ORIGIN broker: Celery tasks (each followed
 * by its task-sent event), RPC requests, domain events and a trickle of
 * awkward payloads, every message numbered with x-warren-seq. Pauses while the
 * origin is unreachable and carries on with the next seq once it is back.
 * Run: `npm run generate -- --rate 100 --duration 10` (see GENERATOR_USAGE).
 */
import { parseOrExit } from './parse-or-exit.ts';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { GENERATOR_USAGE, parseGeneratorArgs } from './args.ts';
import type { OutgoingMessage } from './message.ts';
import { createMix } from './mix.ts';
import { originUrl, redactUrl } from './origin-url.ts';
import { createRng, freshSeed } from './random.ts';
import { openReplyClient } from './reply-client.ts';
import type { ReplyClient } from './reply-client.ts';
import { openResilientPublisher } from './resilient-publisher.ts';
import type { ResilientPublisher } from './resilient-publisher.ts';
import { runGenerator } from './run.ts';
import type { RunResult } from './run.ts';

/** How long to wait after the last publish for a running worker's replies to arrive. */
const REPLY_GRACE_MS = 2000;
const STATUS_EVERY_MS = 10_000;

const log = (line: string): void => console.log(`[generate] ${line}`);

async function waitForReplies(replies: ReplyClient, tasks: number): Promise<void> {
  // Only worth waiting when a worker is evidently answering.
  if (replies.stats().replies === 0) return;
  const deadline = Date.now() + REPLY_GRACE_MS;
  while (replies.stats().replies < tasks && Date.now() < deadline) await sleep(50);
}

async function main(): Promise<void> {
  const options = parseOrExit('generate', process.argv.slice(2), parseGeneratorArgs, GENERATOR_USAGE);
  const seed = options.seed ?? freshSeed();
  const url = originUrl();
  // Random per process even with --seed: two same-seed runs must not fight over one exclusive queue.
  const replyQueue = options.replyQueue ?? `warren-client-${randomBytes(4).toString('hex')}`;
  const stop = new AbortController();

  let publisher: ResilientPublisher | null = null;
  let replies: ReplyClient | null = null;
  try {
    publisher = await openResilientPublisher(url, { connectionName: 'warren-generator', log, signal: stop.signal });
    replies = await openReplyClient(url, replyQueue, (line) => log(line));
  } catch (error) {
    console.error(`[generate] cannot connect to ${redactUrl(url)}: ${(error as Error).message}`);
    await publisher?.close();
    process.exit(1);
  }
  const mix = createMix({
    mix: options.mix,
    rng: createRng(seed),
    replyTo: replyQueue,
    origin: `gen${process.pid}@${hostname()}`,
    pid: process.pid,
    dropReplyRate: options.dropReplyRate,
    taskQueue: options.taskQueue,
    rpcKeyPrefix: options.rpcKeyPrefix,
  });

  let signals = 0;
  const onSignal = (name: string): void => {
    if (++signals > 1) process.exit(130); // a second Ctrl-C means "now"
    log(`${name}: finishing`);
    stop.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  log(`${redactUrl(url)} mix=${options.mix} rate=${options.rate}/s seed=${seed} seq-start=${options.seqStart} reply-queue=${replyQueue} drop-reply-rate=${options.dropReplyRate}`);
  const startedAt = Date.now();
  let lastPublished = 0;
  // The seq being built, and the last one the broker was handed (its task-sent event shares it).
  let building = options.seqStart - 1;
  let lastSeq = options.seqStart - 1;
  // "last seq" counts numbered messages only (a task's task-sent event has none); scripts/start.ts reads it to continue after a crash.
  const status = (): string => {
    const s = publisher.stats();
    const r = replies.stats();
    const c = mix.counts;
    return (
      `published ${s.published} (last seq ${lastSeq}) confirmed ${s.confirmed} nacked ${s.nacked} in-doubt ${s.inDoubt} drain-waits ${s.drainWaits} reconnects ${s.reconnects} | ` +
      `tasks ${c.celery} rpc ${c.rpc ?? 0} events ${c.events} awkward ${c.awkward} | replies ${r.replies} (failed ${r.failures}) rpc-replies ${r.rpcReplies} (errors ${r.rpcErrors})`
    );
  };
  const timer = options.quiet
    ? null
    : setInterval(() => {
        const published = publisher.stats().published;
        log(`${((published - lastPublished) / (STATUS_EVERY_MS / 1000)).toFixed(1)}/s ${status()}`);
        lastPublished = published;
      }, STATUS_EVERY_MS);

  let result: RunResult | null = null;
  let failure: Error | null = null;
  const tracking = {
    async publish(message: OutgoingMessage) {
      await publisher.publish(message);
      lastSeq = building;
    },
  };
  try {
    result = await runGenerator({
      rate: options.rate,
      durationMs: options.duration === null ? null : options.duration * 1000,
      count: options.count,
      seqStart: options.seqStart,
      mix: { counts: mix.counts, next: (seq, now) => ((building = seq), mix.next(seq, now)) },
      publisher: tracking,
      signal: stop.signal,
    });
  } catch (error) {
    // Ctrl-C while waiting for the origin to come back is a stop, not a failure.
    if (!stop.signal.aborted) failure = error as Error;
  }
  if (timer !== null) clearInterval(timer);
  if (failure === null) await waitForReplies(replies, mix.counts.celery);
  await publisher.close();
  await replies.close();

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  if (failure !== null) {
    console.error(`[generate] failed after ${seconds}s: ${failure.message}; ${status()}`);
    process.exit(1);
  }
  log(`stopped (${result?.reason ?? 'signal'}) after ${seconds}s: ${status()}`);
  process.exit(0);
}

await main();
