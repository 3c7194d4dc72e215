/**
 * A Celery-like worker on the ORIGIN broker: consumes the `celery` and `email`
 * queues (or the ones given with --queue), emits celeryev events (received →
 * started → succeeded/failed; batched into `task.multi` messages as a Celery 5
 * worker does, or one per message with --single-events) and answers each task
 * with an RPC result. Reconnects with backoff when the origin goes away.
 * Run: `npm run worker` (see WORKER_USAGE).
 *
 * Unlike Celery, results go to the named exchange `celery.replies` (routing key
 * = the task's reply_to) instead of the default exchange "": the default
 * exchange cannot be bound or shovelled, so replies would be untraceable.
 */
import { parseOrExit } from './parse-or-exit.ts';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseWorkerArgs, WORKER_USAGE } from './args.ts';
import { openConsumerSession } from './consumer-session.ts';
import type { ConsumerSession, QueueSpec } from './consumer-session.ts';
import { CELERY_EXCHANGE } from './exchanges.ts';
import type { OutgoingMessage } from './message.ts';
import { originUrl, redactUrl } from './origin-url.ts';
import { createRng, freshSeed } from './random.ts';
import { keepConnected } from './reconnect.ts';
import type { Keeper } from './reconnect.ts';
import { createTaskEventSink } from './worker-event-sink.ts';
import { createWorkerEvents } from './worker-events.ts';
import { handleTask, newWorkerStats } from './worker-task.ts';

const DEFAULT_QUEUES = ['celery', 'email'];
const PREFETCH = 10;
const HEARTBEAT_MS = 2000;
const STATUS_EVERY_MS = 10_000;
const DRAIN_TIMEOUT_MS = 5_000;
/** A test's own queue goes away by itself once nobody consumes it. */
const TEST_QUEUE_EXPIRES_MS = 600_000;

const log = (line: string): void => console.log(`[worker] ${line}`);

/** Each queue bound on `celery` with its own name as key, as Celery's default routing does. */
function workerQueues(names: string[]): QueueSpec[] {
  return names.map((name) => ({
    name,
    options: DEFAULT_QUEUES.includes(name) ? { durable: true } : { durable: true, arguments: { 'x-expires': TEST_QUEUE_EXPIRES_MS } },
    bindings: [{ exchange: CELERY_EXCHANGE, key: name }],
  }));
}

async function main(): Promise<void> {
  const options = parseOrExit('worker', process.argv.slice(2), parseWorkerArgs, WORKER_USAGE);
  const rng = createRng(options.seed ?? freshSeed());
  const url = originUrl();
  const nodeName = options.hostname ?? `celery@${hostname()}`;
  const events = createWorkerEvents(nodeName, process.pid);
  const stats = newWorkerStats();
  let eventsLost = 0;
  let keeper: Keeper<ConsumerSession> | null = null;

  // Events are transient in Celery too: one that finds no connection is counted and dropped.
  const publishEvent = (message: OutgoingMessage): void => {
    const session = keeper?.current();
    if (session === undefined || session === null) eventsLost++;
    else session.publisher.publish(message).catch(() => eventsLost++);
  };
  const sink = createTaskEventSink({ stamp: events.stamp, hostname: nodeName, batch: !options.singleEvents, publish: publishEvent });
  const ctx = { rng, failRate: options.failRate, sink, stats };

  keeper = await keepConnected<ConsumerSession>({
    label: 'origin connection',
    log,
    open: () =>
      openConsumerSession({
        url,
        connectionName: 'warren-worker',
        prefetch: PREFETCH,
        queues: workerQueues(options.queues),
        onMessage: (msg, session) => void handleTask(msg, session, ctx),
        onCancelled: (queue) => log(`the broker cancelled the consumer on ${queue} (queue deleted?)`),
      }),
    // Celery's Heart step starts again on every (re)connection, and with it a worker-online.
    onUp: (session) => void session.publisher.publish(events.worker('worker-online', stats)).catch(() => undefined),
  }).catch((error: Error) => {
    console.error(`[worker] cannot connect to ${redactUrl(url)}: ${error.message}`);
    return process.exit(1);
  });
  const heartbeat = setInterval(() => {
    const session = keeper?.current();
    if (session) void session.publisher.publish(events.worker('worker-heartbeat', stats)).catch(() => undefined);
  }, HEARTBEAT_MS);
  log(
    `${redactUrl(url)} consuming ${options.queues.join(', ')} as ${nodeName} (prefetch ${PREFETCH}, fail-rate ${options.failRate}, ` +
      `${options.singleEvents ? 'one message per task event' : 'task events batched as task.multi'})`,
  );

  let lastProcessed = 0;
  const status = (): string =>
    `processed ${stats.processed} succeeded ${stats.succeeded} failed ${stats.failed} rejected ${stats.rejected} ` +
    `reply-dropped ${stats.dropped} in-flight ${stats.inFlight} | reconnects ${keeper?.reconnects ?? 0} abandoned ${stats.abandoned} events-lost ${eventsLost}`;
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
    await keeper?.current()?.cancel();
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (stats.inFlight > 0 && Date.now() < deadline) await sleep(20);
    sink.flush();
    await keeper?.current()?.publisher.publish(events.worker('worker-offline', stats)).catch(() => undefined);
    await keeper?.stop();
    log(`stopped: ${status()}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
