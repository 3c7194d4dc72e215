/**
 * A Celery-like worker on the ORIGIN broker: consumes the `celery` and `email`
 * queues, emits celeryev events (received → started → succeeded/failed) and
 * answers each task with an RPC result. Run: `npm run worker`.
 *
 * Unlike Celery, results go to the named exchange `celery.replies` (routing key
 * = the task's reply_to) instead of the default exchange "": the default
 * exchange cannot be bound or shovelled, so replies would be untraceable.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConsumeMessage } from 'amqplib';
import { parseWorkerArgs, WORKER_USAGE } from './args.ts';
import type { WorkerOptions } from './args.ts';
import { CELERY_EXCHANGE } from './exchanges.ts';
import { originUrl, redactUrl } from './origin-url.ts';
import { openPublisher } from './publisher.ts';
import { createRng, freshSeed, randInt } from './random.ts';
import { createWorkerEvents } from './worker-events.ts';
import { buildResult, decodeTask, outcomeEvent, runTask } from './worker-messages.ts';

/** Celery's default queue plus a dedicated one, each bound with its own name as key. */
const QUEUES = ['celery', 'email'] as const;
const PREFETCH = 10;
const STATUS_EVERY_MS = 10_000;
const DRAIN_TIMEOUT_MS = 5_000;

const log = (line: string): void => console.log(`[worker] ${line}`);

function parseOrExit(argv: string[]): WorkerOptions {
  try {
    const options = parseWorkerArgs(argv);
    if (options.help) {
      console.log(WORKER_USAGE);
      process.exit(0);
    }
    return options;
  } catch (error) {
    console.error(`[worker] ${(error as Error).message}\n${WORKER_USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = parseOrExit(process.argv.slice(2));
  const rng = createRng(options.seed ?? freshSeed());
  const url = originUrl();
  const failAndExit = (error: Error): void => {
    // Unacked tasks go back to their queue when the connection dies; nothing is lost.
    console.error(`[worker] ${error.message}`);
    process.exit(1);
  };
  const publisher = await openPublisher(url, { connectionName: 'warren-worker', onFailure: failAndExit }).catch((error: Error) => {
    console.error(`[worker] cannot connect to ${redactUrl(url)}: ${error.message}`);
    return process.exit(1);
  });
  const channel = await publisher.connection.createChannel();
  channel.on('error', failAndExit);
  await channel.prefetch(PREFETCH);
  for (const queue of QUEUES) {
    await channel.assertQueue(queue, { durable: true });
    await channel.bindQueue(queue, CELERY_EXCHANGE, queue);
  }

  const events = createWorkerEvents(`celery@${hostname()}`, process.pid);
  const stats = { processed: 0, succeeded: 0, failed: 0, rejected: 0, inFlight: 0 };

  async function handle(msg: ConsumeMessage): Promise<void> {
    const task = decodeTask(msg);
    if (task === null) {
      // What Celery does with a message that is not a task: log and drop, never requeue-loop.
      channel.reject(msg, false);
      stats.rejected++;
      return;
    }
    stats.inFlight++;
    const started = Date.now();
    await publisher.publish(events.task('task-received', task));
    await publisher.publish(events.task('task-started', task));
    await sleep(randInt(rng, 1, 8));
    const outcome = runTask(task, rng, rng.next() < options.failRate);
    await publisher.publish(outcomeEvent(task, outcome, (Date.now() - started) / 1000, events.stamp()));
    const result = buildResult(task, outcome, Date.now());
    // Ack only once the broker holds the result: a crash in between redelivers the task.
    if (result !== null) await publisher.publishConfirmed(result);
    else await publisher.waitForConfirms();
    channel.ack(msg);
    stats.inFlight--;
    stats.processed++;
    if (outcome.ok) stats.succeeded++;
    else stats.failed++;
  }

  const consumerTags: string[] = [];
  for (const queue of QUEUES) {
    const { consumerTag } = await channel.consume(queue, (msg) => {
      if (msg === null) log(`the broker cancelled the consumer on ${queue} (queue deleted?)`);
      else handle(msg).catch((error: Error) => failAndExit(error));
    });
    consumerTags.push(consumerTag);
  }
  await publisher.publish(events.worker('worker-online', stats));
  const heartbeat = setInterval(() => void publisher.publish(events.worker('worker-heartbeat', stats)).catch(() => undefined), 2000);
  log(`${redactUrl(url)} consuming ${QUEUES.join(', ')} (prefetch ${PREFETCH}, fail-rate ${options.failRate})`);

  let lastProcessed = 0;
  const status = (): string => `processed ${stats.processed} succeeded ${stats.succeeded} failed ${stats.failed} rejected ${stats.rejected} in-flight ${stats.inFlight}`;
  const timer = options.quiet
    ? null
    : setInterval(() => {
        log(`${((stats.processed - lastProcessed) / (STATUS_EVERY_MS / 1000)).toFixed(1)} tasks/s ${status()}`);
        lastProcessed = stats.processed;
      }, STATUS_EVERY_MS);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal}: finishing ${stats.inFlight} in-flight task(s)`);
    clearInterval(heartbeat);
    if (timer !== null) clearInterval(timer);
    for (const tag of consumerTags) await channel.cancel(tag).catch(() => undefined);
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (stats.inFlight > 0 && Date.now() < deadline) await sleep(20);
    await publisher.publish(events.worker('worker-offline', stats)).catch(() => undefined);
    await publisher.close();
    log(`stopped: ${status()}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
