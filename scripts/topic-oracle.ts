/**
 * Topic-matching oracle: asks a REAL RabbitMQ which routing keys each binding
 * pattern matches, and writes the answers to `src/filter/topic-vectors.json`,
 * the test data that keeps `src/filter/topic.ts` honest.
 *
 * How: declare a throw-away topic exchange, bind one exclusive queue per
 * pattern, publish every key once (with confirms), then publish a sentinel to
 * each queue through the default exchange. Messages from one channel reach a
 * queue in publish order, so a queue is complete when its sentinel arrives.
 * Each round's exchange is deleted when its answers are in; closing the
 * connection deletes the exclusive queues (and would take an auto-delete
 * exchange left behind by a failed run with them).
 *
 * Usage: `tsx scripts/topic-oracle.ts [amqp-url]` (default: the local mirror,
 * or WARREN_ORACLE_URL).
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as amqp from 'amqplib';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { topicMatches } from '../src/filter/topic.ts';

const url = process.argv[2] ?? process.env.WARREN_ORACLE_URL ?? 'amqp://guest:guest@127.0.0.1:5673';
const outFile = fileURLToPath(new URL('../src/filter/topic-vectors.json', import.meta.url));
const KEY_HEADER = 'x-oracle-key';
const SENTINEL_HEADER = 'x-oracle-sentinel';
const SETTLE_TIMEOUT_MS = 20_000;

/** 255 bytes (the AMQP short-string limit): one long word between two short ones. */
const LONG_KEY = `long.${'x'.repeat(255 - 'long.'.length - '.end'.length)}.end`;
/** 255 bytes of 128 one-letter words: the most words a key can have. */
const MANY_WORDS_KEY = repeatWord('a', 128);
/** Enough words to exercise `#.#.#.#.#.#.a`, few enough for the broker (see main). */
const TWELVE_WORDS_KEY = repeatWord('a', 12);

function repeatWord(word: string, count: number): string {
  return Array.from({ length: count }, () => word).join('.');
}

const PATTERNS: readonly string[] = [
  // design.md examples and the empty pattern
  '', 'a', 'a.b', '#', '*', 'a.#', 'a.#.b', '#.#',
  // empty words
  '.', '..', 'a.', '.a', 'a..b', '.*', '*.', '*..*', '.#', '#.',
  // `*`
  '*.*', '*.*.*', 'a.*', '*.a', 'a.*.b', '*.b.*',
  // `#` at the start, middle, end, repeated, next to `*`
  '#.a', '#.b', '#.a.#', '#.#.a', 'a.#.#.b', '#.*', '*.#', '#.*.#', '*.#.*', 'a.*.#', 'a.#.*',
  '#.#.#.#.#.#.a', '#.a.#.a.#', '#.end', 'long.#',
  // wildcards inside a word are literal
  'a*', '*a', 'a#', '#a', '**', '##', 'a.b*',
  // realistic
  'orders.eu.created', 'orders.*.created', 'orders.#', '*.eu.*', '#.created', 'payments.#.failed',
  'Orders.#', 'task.*', 'celery',
  // unicode
  'заказы.*', '日本.#', '*.ü', 'ü',
];

const KEYS: readonly string[] = [
  '', 'a', 'b', 'a.b', 'a.b.c', 'a.x.b', 'a.x.y.b', 'b.a', 'x.a', 'a.a', 'x.a.y.a', 'a.b.a.b',
  // empty words
  '.', '..', '...', 'a.', '.a', 'a..b', 'a.b.', '.a.b', '.b', 'b.',
  // wildcard characters are plain characters in a key
  'a*', '*a', 'a#', '#a', '*', '#', '**', '##', 'a.b*', '*.*',
  // realistic
  'orders', 'orders.created', 'orders.eu.created', 'orders.us.created', 'orders.eu.deleted',
  'orders.eu.west.created', 'Orders.eu.created', 'x.eu.y', 'eu', 'payments.failed', 'payments.card.failed',
  'payments.card.visa.failed', 'payments.failed.retry', 'task.succeeded', 'task', 'celery',
  // unicode
  'заказы', 'заказы.новые', '日本', '日本.東京', 'ü', 'x.ü', 'x.u',
  // long keys (MANY_WORDS_KEY gets a round of its own, see main)
  LONG_KEY, TWELVE_WORDS_KEY, `b.${TWELVE_WORDS_KEY}.b`,
];

/** One test vector: would the broker route `key` through a binding on `pattern`? */
interface TopicVector {
  pattern: string;
  key: string;
  matches: boolean;
}

/** One exchange's worth of bindings and publishes. */
interface OracleRound {
  patterns: readonly string[];
  keys: readonly string[];
}

/** First occurrence wins; the lists are hand-written and may repeat. */
function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Code-unit order, not locale order: the file must be byte-stable across machines. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function headerString(message: ConsumeMessage, name: string): string | undefined {
  const value: unknown = message.properties.headers?.[name];
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}

/** Which keys each pattern's queue received, from one exchange holding every pattern. */
async function routeOnce(channel: ConfirmChannel, patterns: string[], keys: string[]): Promise<Map<string, Set<string>>> {
  for (const key of keys) {
    if (Buffer.byteLength(key) > 255) throw new Error(`routing key over 255 bytes: ${key.slice(0, 20)}...`);
  }
  const exchange = `warren-oracle-${randomBytes(6).toString('hex')}`;
  await channel.assertExchange(exchange, 'topic', { durable: false, autoDelete: true });

  const received = new Map<string, Set<string>>();
  const queues: string[] = [];
  const pending = new Set<string>(patterns);
  let allSentinelsSeen: () => void = () => {};
  const complete = new Promise<void>((resolve) => (allSentinelsSeen = resolve));
  let protocolError: Error | undefined;

  for (const pattern of patterns) {
    const got = new Set<string>();
    received.set(pattern, got);
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
    // The queue is named, so the broker will not substitute the queue name
    // for an empty binding key (the AMQP 0-9-1 queue.bind shortcut).
    await channel.bindQueue(queue, exchange, pattern);
    queues.push(queue);
    await channel.consume(
      queue,
      (message) => {
        if (message === null) return;
        if (headerString(message, SENTINEL_HEADER) !== undefined) {
          pending.delete(pattern);
          if (pending.size === 0) allSentinelsSeen();
          return;
        }
        const key = headerString(message, KEY_HEADER);
        // Record rather than throw: this runs inside amqplib's frame loop.
        if (key === undefined || key !== message.fields.routingKey) {
          protocolError ??= new Error(`unexpected message for ${JSON.stringify(pattern)}: ${message.fields.routingKey}`);
        } else {
          got.add(key);
        }
      },
      { noAck: true },
    );
  }

  for (const key of keys) {
    channel.publish(exchange, key, Buffer.from(key), { headers: { [KEY_HEADER]: key } });
  }
  // One channel's messages reach a queue in publish order: once a queue's
  // sentinel is in, every key routed to that queue is in too.
  for (const queue of queues) {
    channel.publish('', queue, Buffer.alloc(0), { headers: { [SENTINEL_HEADER]: 'end' } });
  }

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`broker did not route within ${SETTLE_TIMEOUT_MS} ms (${pending.size} queue(s) incomplete)`)),
      SETTLE_TIMEOUT_MS,
    );
  });
  try {
    const confirmed = channel.waitForConfirms();
    // If the timeout wins, closing the connection rejects this one: not news.
    confirmed.catch(() => {});
    await Promise.race([confirmed.then(() => complete), timeout]);
  } finally {
    clearTimeout(timer);
  }
  if (protocolError) throw protocolError;
  await channel.deleteExchange(exchange);
  return received;
}

/** Runs every round on one connection; closing it drops the exclusive queues. */
async function askBroker(rounds: readonly OracleRound[]): Promise<TopicVector[]> {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    const vectors: TopicVector[] = [];
    for (const round of rounds) {
      const patterns = unique(round.patterns);
      const keys = unique(round.keys);
      const received = await routeOnce(channel, patterns, keys);
      for (const pattern of patterns) {
        const got = received.get(pattern) as Set<string>;
        for (const key of keys) vectors.push({ pattern, key, matches: got.has(key) });
      }
    }
    return vectors;
  } finally {
    await connection.close();
  }
}

async function main(): Promise<void> {
  const vectors = await askBroker([
    { patterns: PATTERNS, keys: KEYS },
    // RabbitMQ 3.10's trie walk is roughly words^(number of `#`): one publish of
    // the 128-word key to `#.#.#.#.#.#.a` stalls the channel for hours (24
    // words already take ~2 s). So the 128-word key only meets patterns with
    // at most two `#`, on an exchange of its own.
    { patterns: PATTERNS.filter((p) => p.split('.').filter((w) => w === '#').length <= 2), keys: [MANY_WORDS_KEY] },
  ]);
  vectors.sort((a, b) => compareStrings(a.pattern, b.pattern) || compareStrings(a.key, b.key));

  // One vector per line: reviewable diffs when the list grows.
  const body = vectors.map((v) => '  ' + JSON.stringify(v)).join(',\n');
  await writeFile(outFile, `[\n${body}\n]\n`, 'utf8');

  const patternCount = new Set(vectors.map((v) => v.pattern)).size;
  const keyCount = new Set(vectors.map((v) => v.key)).size;
  const matched = vectors.filter((v) => v.matches).length;
  console.log(`${vectors.length} vectors (${patternCount} patterns, ${keyCount} keys, ${matched} match) -> ${outFile}`);

  const disagreements = vectors.filter((v) => topicMatches(v.pattern, v.key) !== v.matches);
  for (const v of disagreements) {
    const key = v.key.length > 40 ? `${v.key.slice(0, 40)}...` : v.key;
    console.log(`  topic.ts disagrees: pattern ${JSON.stringify(v.pattern)} key ${JSON.stringify(key)} broker=${v.matches}`);
  }
  if (disagreements.length > 0) process.exitCode = 1;
}

await main();
