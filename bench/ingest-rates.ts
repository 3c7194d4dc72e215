/**
 * `npx tsx bench/ingest-rates.ts [--messages N] [--rounds R]`
 *
 * What the rate model costs the ingest path, as a RATIO measured in one run.
 * Two captures (each with its view, as on the page) live side by side, one
 * without the rate model attached and one with, both filled to capacity first (so every message also evicts one, as
 * in a long session). Each round feeds the same N synthetic frames to both,
 * in alternating order, each pass after a full GC and timed in CPU time;
 * the ratio reported is the median of the rounds' ratios. Budget: < 5 %
 * (ratio < 1.05). Two paths:
 * - "ingest": pre-parsed frames into TraceCapture.ingest, the strictest
 *   measure (the recorder's share of the cheapest path);
 * - "stomp + ingest": raw STOMP bytes through stompjs's Parser and
 *   FrameImpl, as the browser receives them, then TraceCapture.ingest.
 *
 * Then, on the rate model alone: heap and read time (what the charts pay
 * once a second) with 10,000 distinct keys in every second of the window,
 * the worst case the per-second key budget exists for; and the cost of the
 * alternative design that also counts per prefix at ingest.
 */
import { FrameImpl, Parser } from '@stomp/stompjs';
import { parseArgs } from 'node:util';
import { TraceCapture } from '../src/capture/index.ts';
import { countRatesOf, keyPrefix, RateReader, RateRecorder, type RateSample } from '../src/rates/index.ts';
import { TraceView } from '../src/view/index.ts';
import type { StompMessageFrame } from '../src/model/index.ts';
import { alternatingRounds, cpuNsPerItem, frameMix, heapUsedAfterGc, median, rawFrameMix, routingKeys, wallMs } from './synthetic-frames.ts';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '101' } } });
const MESSAGES = Number(values.messages);
const ROUNDS = Number(values.rounds);
const CAPACITY = 100_000;

/** Feeds `count` messages to one side; returns CPU ns per message. */
type Feed = (count: number) => number;

function ingestFeed(ingest: TraceCapture): Feed {
  const frames = frameMix(4096, 60);
  let next = 0;
  return (count) =>
    cpuNsPerItem(count, () => {
      for (let i = 0; i < count; i++) ingest.ingest(frames[next++ % frames.length] as StompMessageFrame, 'sub-1');
    });
}

function stompFeed(ingest: TraceCapture): Feed {
  const chunks = rawFrameMix(4096, 60).map((bytes) => bytes.buffer as ArrayBuffer);
  // What stompjs's StompHandler does per MESSAGE, minus its debug line.
  const parser = new Parser((raw) => ingest.ingest(FrameImpl.fromRawFrame(raw, true), 'sub-1'), () => undefined);
  let next = 0;
  return (count) =>
    cpuNsPerItem(count, () => {
      for (let i = 0; i < count; i++) parser.parseChunk(chunks[next++ % chunks.length] as ArrayBuffer);
    });
}

/** `control`: both sides without a recorder, to show the noise floor of the same method. */
/** A capture with its view, and the rate model attached when `rates`. */
function pipeline(rates: boolean): TraceCapture {
  const capture = new TraceCapture({ capacity: CAPACITY });
  new TraceView(capture);
  if (rates) countRatesOf(capture, new RateRecorder());
  return capture;
}

function compare(name: string, feedOf: (ingest: TraceCapture) => Feed, perPass: number, control = false): void {
  const without = feedOf(pipeline(false));
  const withRates = feedOf(pipeline(!control));
  const m = alternatingRounds(without, withRates, CAPACITY, perPass, ROUNDS);
  const ratio = m.ratio;
  console.log(`${name}: without rates ${m.without.toFixed(0)} ns/msg, with ${m.with.toFixed(0)} ns/msg (CPU, medians of ${ROUNDS} rounds × ${perPass.toLocaleString('en-US')} msgs)`);
  const verdict = control ? '(no recorder on either side: any distance from 1 is noise)' : ratio < 1.05 ? 'OK, < 1.05' : 'OVER BUDGET, >= 1.05';
  console.log(`  ratio with/without = ${ratio.toFixed(3)} (median of the rounds' ratios)  ${verdict}`);
}

function keyExplosion(keysPerSecond: number): void {
  const before = heapUsedAfterGc();
  const recorder = new RateRecorder();
  const start = 1_700_000_000;
  for (let s = 0; s < recorder.seconds; s++) {
    for (let k = 0; k < keysPerSecond; k++) {
      recorder.record({ receivedAt: (start + s) * 1000 + (k % 1000), size: 200, subscriptionId: 'sub-1', exchange: 'app.events', routingKey: `tenant${k % 50}.orders.${k}.created` });
    }
  }
  const heapMb = (heapUsedAfterGc() - before) / 1048576;
  const reader = new RateReader(recorder);
  const endSecond = start + recorder.seconds - 1;
  console.log(`\n${keysPerSecond.toLocaleString('en-US')} distinct keys in each of ${recorder.seconds} s: rate model heap ${heapMb.toFixed(1)} MB (keys' strings included)`);
  for (const [breakdown, depth] of [['key', 'full'], ['key', 1], ['exchange', 1]] as const) {
    for (let i = 0; i < 3; i++) reader.snapshot({ endSecond, breakdown, depth }); // JIT and the key-group memo warm up
    const times = Array.from({ length: 7 }, () => wallMs(() => reader.snapshot({ endSecond, breakdown, depth })));
    console.log(`  one read by ${breakdown}${breakdown === 'key' ? ` (depth ${depth})` : ''}: ${median(times).toFixed(1)} ms`);
  }
}

/** The alternative: per-prefix counts (depths 1..3) at ingest too, prefixes memoised per key. */
function prefixAtIngest(): void {
  const samples: RateSample[] = routingKeys(60).map((routingKey, i) => ({ receivedAt: 1_700_000_000_000 + i, size: 100, subscriptionId: 'sub-1', exchange: 'app.events', routingKey }));
  const prefixesOf = new Map<string, string[]>();
  const perPrefix = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const countPrefixes = (key: string) => {
    let prefixes = prefixesOf.get(key);
    if (prefixes === undefined) prefixesOf.set(key, (prefixes = ([1, 2, 3] as const).map((d) => keyPrefix(key, d))));
    for (let d = 0; d < 3; d++) {
      const counts = perPrefix[d] as Map<string, number>;
      const prefix = prefixes[d] as string;
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  };
  const count = MESSAGES * 10;
  const pass = (withPrefixes: boolean) => {
    const recorder = new RateRecorder();
    const ms = wallMs(() => {
      for (let i = 0; i < count; i++) {
        const s = samples[i % samples.length] as RateSample;
        recorder.record(s);
        if (withPrefixes) countPrefixes(s.routingKey);
      }
    });
    return (ms * 1e6) / count;
  };
  const plain = median(Array.from({ length: 9 }, () => pass(false)));
  const both = median(Array.from({ length: 9 }, () => pass(true)));
  console.log(`\nrecord() alone ${plain.toFixed(1)} ns/msg; plus per-prefix counts (depths 1-3) at ingest ${both.toFixed(1)} ns/msg`);
}

console.log(`60 distinct routing keys, buffers full at ${CAPACITY.toLocaleString('en-US')} messages (every message evicts one)\n`);
compare('ingest', ingestFeed, MESSAGES);
compare('ingest, control', ingestFeed, MESSAGES, true);
// stompjs parses byte by byte, dozens of times the cost of ingest: a tenth of the messages per pass is plenty.
compare('stomp + ingest', stompFeed, Math.ceil(MESSAGES / 10));
keyExplosion(60);
keyExplosion(10_000);
prefixAtIngest();
