/**
 * Production-like traffic for the ORIGIN broker: Celery tasks, domain events
 * and a trickle of awkward payloads, every message numbered with x-warren-seq.
 * Run: `npm run generate -- --rate 100 --duration 10` (see GENERATOR_USAGE).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { GENERATOR_USAGE, parseGeneratorArgs } from './args.ts';
import type { GeneratorOptions } from './args.ts';
import { createMix } from './mix.ts';
import { originUrl, redactUrl } from './origin-url.ts';
import { openPublisher } from './publisher.ts';
import type { Publisher } from './publisher.ts';
import { createRng, freshSeed } from './random.ts';
import { openReplyClient } from './reply-client.ts';
import type { ReplyClient } from './reply-client.ts';
import { runGenerator } from './run.ts';
import type { RunResult } from './run.ts';

/** How long to wait after the last publish for a running worker's replies to arrive. */
const REPLY_GRACE_MS = 2000;
const STATUS_EVERY_MS = 10_000;

const log = (line: string): void => console.log(`[generate] ${line}`);

function parseOrExit(argv: string[]): GeneratorOptions {
  try {
    const options = parseGeneratorArgs(argv);
    if (options.help) {
      console.log(GENERATOR_USAGE);
      process.exit(0);
    }
    return options;
  } catch (error) {
    console.error(`[generate] ${(error as Error).message}\n${GENERATOR_USAGE}`);
    process.exit(2);
  }
}

async function waitForReplies(replies: ReplyClient, tasks: number): Promise<void> {
  // Only worth waiting when a worker is evidently answering.
  if (replies.stats().replies === 0) return;
  const deadline = Date.now() + REPLY_GRACE_MS;
  while (replies.stats().replies < tasks && Date.now() < deadline) await sleep(50);
}

async function main(): Promise<void> {
  const options = parseOrExit(process.argv.slice(2));
  const seed = options.seed ?? freshSeed();
  const url = originUrl();
  // Random per process even with --seed: two same-seed runs must not fight over one exclusive queue.
  const replyQueue = `warren-client-${randomBytes(4).toString('hex')}`;
  const stop = new AbortController();
  let failure: Error | null = null;
  const onFailure = (error: Error): void => {
    failure ??= error;
    stop.abort();
  };

  let publisher: Publisher | null = null;
  let replies: ReplyClient | null = null;
  try {
    publisher = await openPublisher(url, { onFailure });
    replies = await openReplyClient(url, replyQueue, onFailure);
  } catch (error) {
    console.error(`[generate] cannot connect to ${redactUrl(url)}: ${(error as Error).message}`);
    await publisher?.close();
    process.exit(1);
  }
  const mix = createMix({ mix: options.mix, rng: createRng(seed), replyTo: replyQueue, origin: `gen${process.pid}@${hostname()}` });

  let signals = 0;
  const onSignal = (name: string): void => {
    if (++signals > 1) process.exit(130); // a second Ctrl-C means "now"
    log(`${name}: finishing`);
    stop.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  publisher.connection.on('blocked', (reason: string) => log(`origin blocked publishing: ${reason}`));
  publisher.connection.on('unblocked', () => log('origin unblocked'));

  log(`${redactUrl(url)} mix=${options.mix} rate=${options.rate}/s seed=${seed} seq-start=${options.seqStart} reply-queue=${replyQueue}`);
  const startedAt = Date.now();
  let lastPublished = 0;
  const status = (): string => {
    const s = publisher.stats();
    const r = replies.stats();
    const c = mix.counts;
    return `published ${s.published} (last seq ${options.seqStart + s.published - 1}) confirmed ${s.confirmed} nacked ${s.nacked} drain-waits ${s.drainWaits} | tasks ${c.celery} events ${c.events} awkward ${c.awkward} | replies ${r.replies} (failed ${r.failures})`;
  };
  const timer = options.quiet
    ? null
    : setInterval(() => {
        const published = publisher.stats().published;
        log(`${((published - lastPublished) / (STATUS_EVERY_MS / 1000)).toFixed(1)}/s ${status()}`);
        lastPublished = published;
      }, STATUS_EVERY_MS);

  let result: RunResult | null = null;
  try {
    result = await runGenerator({
      rate: options.rate,
      durationMs: options.duration === null ? null : options.duration * 1000,
      count: options.count,
      seqStart: options.seqStart,
      mix,
      publisher,
      signal: stop.signal,
    });
  } catch (error) {
    failure ??= error as Error;
  }
  if (timer !== null) clearInterval(timer);
  if (failure === null) await waitForReplies(replies, mix.counts.celery);
  await publisher.close();
  await replies.close();

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  if (failure !== null) {
    console.error(`[generate] failed after ${seconds}s: ${(failure as Error).message}; ${status()}`);
    process.exit(1);
  }
  log(`stopped (${result?.reason ?? 'unknown'}) after ${seconds}s: ${status()}`);
  process.exit(0);
}

await main();
