/**
 * A small RPC service on the ORIGIN that is not Celery: consumes requests
 * published on `app.events` with keys `rpc.#` (rpc.pricing.quote,
 * rpc.inventory.reserve) from its own durable queue, waits a little, and
 * replies through `celery.replies` with routing key = reply_to and the
 * request's correlation_id (see rpc-messages.ts for why that exchange).
 * Reconnects with backoff when the origin goes away.
 * Run: `npm run rpc-service` (see RPC_SERVICE_USAGE).
 */
import { parseOrExit } from './parse-or-exit.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConsumeMessage } from 'amqplib';
import { parseRpcServiceArgs, RPC_SERVICE_USAGE } from './args.ts';
import type { RpcServiceOptions } from './args.ts';
import { openConsumerSession } from './consumer-session.ts';
import type { ConsumerSession, QueueSpec } from './consumer-session.ts';
import { APP_EVENTS_EXCHANGE } from './exchanges.ts';
import { originUrl, redactUrl } from './origin-url.ts';
import { createRng, freshSeed, randInt } from './random.ts';
import type { Rng } from './random.ts';
import { keepConnected } from './reconnect.ts';
import { buildRpcReply, decodeRpcRequest, rpcReplyBody } from './rpc-messages.ts';

const PREFETCH = 20;
const STATUS_EVERY_MS = 10_000;
const DEFAULT_QUEUE = 'rpc-service';
/** A test's own queue goes away by itself once nobody consumes it. */
const TEST_QUEUE_EXPIRES_MS = 600_000;

const log = (line: string): void => console.log(`[rpc-service] ${line}`);

function serviceQueue(options: RpcServiceOptions): QueueSpec {
  const isDefault = options.queue === null && options.bindings.length === 1 && options.bindings[0] === 'rpc.#';
  const name = options.queue ?? (isDefault ? DEFAULT_QUEUE : `${DEFAULT_QUEUE}.${options.bindings.join(',')}`);
  return {
    name,
    options: isDefault ? { durable: true } : { durable: true, arguments: { 'x-expires': TEST_QUEUE_EXPIRES_MS } },
    bindings: options.bindings.map((key) => ({ exchange: APP_EVENTS_EXCHANGE, key })),
  };
}

const stats = { requests: 0, replied: 0, errors: 0, dropped: 0, unanswerable: 0, abandoned: 0, inFlight: 0 };

async function handle(msg: ConsumeMessage, session: ConsumerSession, options: RpcServiceOptions, rng: Rng): Promise<void> {
  stats.requests++;
  const request = decodeRpcRequest(msg);
  if (request === null || request.dropReply) {
    // Nobody to answer, or a test asked for silence (x-warren-drop-reply).
    session.channel.ack(msg);
    if (request === null) stats.unanswerable++;
    else stats.dropped++;
    return;
  }
  stats.inFlight++;
  try {
    await sleep(randInt(rng, options.delayMs[0], options.delayMs[1]));
    const body = rpcReplyBody(request, rng, rng.next() < options.failRate, Date.now());
    await session.publisher.publishConfirmed(buildRpcReply(request, body, Date.now()));
    session.channel.ack(msg);
    stats.replied++;
    if (body.ok === false) stats.errors++;
  } catch {
    // The connection went meanwhile: the request is redelivered if it is still in the queue.
    stats.abandoned++;
  } finally {
    stats.inFlight--;
  }
}

async function main(): Promise<void> {
  const options = parseOrExit('rpc-service', process.argv.slice(2), parseRpcServiceArgs, RPC_SERVICE_USAGE);
  const rng = createRng(options.seed ?? freshSeed());
  const url = originUrl();
  const queue = serviceQueue(options);
  const keeper = await keepConnected<ConsumerSession>({
    label: 'origin connection',
    log,
    open: () =>
      openConsumerSession({
        url,
        connectionName: 'warren-rpc-service',
        prefetch: PREFETCH,
        queues: [queue],
        onMessage: (msg, session) => void handle(msg, session, options, rng),
        onCancelled: (name) => log(`the broker cancelled the consumer on ${name} (queue deleted?)`),
      }),
  }).catch((error: Error) => {
    console.error(`[rpc-service] cannot connect to ${redactUrl(url)}: ${error.message}`);
    return process.exit(1);
  });
  log(`${redactUrl(url)} consuming ${queue.name} (bound on ${APP_EVENTS_EXCHANGE} with ${options.bindings.join(', ')}; delay ${options.delayMs.join('-')} ms, fail-rate ${options.failRate})`);

  const status = (): string =>
    `requests ${stats.requests} replied ${stats.replied} (errors ${stats.errors}) reply-dropped ${stats.dropped} no-reply-to ${stats.unanswerable} in-flight ${stats.inFlight} | reconnects ${keeper.reconnects} abandoned ${stats.abandoned}`;
  const timer = options.quiet ? null : setInterval(() => log(status()), STATUS_EVERY_MS);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) process.exit(130);
    stopping = true;
    if (timer !== null) clearInterval(timer);
    await keeper.current()?.cancel();
    for (let i = 0; i < 100 && stats.inFlight > 0; i++) await sleep(20);
    await keeper.stop();
    log(`${signal}: stopped: ${status()}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
