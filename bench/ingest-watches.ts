/**
 * `npx tsx bench/ingest-watches.ts [--messages N] [--rounds R] [--direct-only]`
 *
 * What watches (src/watches) cost the ingest path, as a RATIO measured in
 * one run, the method of bench/ingest-rates.ts: whole sessions side by side
 * (TraceSession: capture, conversation index, view, rate model, publish
 * scheduling: everything a page's ingest runs), one with no watch and one
 * with watches, both filled to capacity first (every message also evicts
 * one). Each round feeds the same N synthetic frames to both, in
 * alternating order, each pass after a full GC and timed in CPU time; the
 * ratio is the median of the rounds' ratios.
 *
 * Paths: "ingest" (pre-parsed frames into capture.ingest: the watches'
 * share of the cheapest path, the strictest measure) and "stomp + ingest"
 * (raw STOMP bytes through stompjs's Parser first, as the browser receives
 * them). Before those, the watches alone: their append listener over a full
 * capture, CPU ns per message (the least noisy number). Watch sets: 3 and 5 routing-key watches (the issue's budget: ingest
 * unchanged within noise with three), and 5 with one `body:` term that scans
 * every body without finding its text (the worst case for a body watch).
 */
import { FrameImpl, Parser } from '@stomp/stompjs';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CaptureListener } from '../src/capture/index.ts';
import type { StompMessageFrame } from '../src/model/index.ts';
import { WatchSet } from '../src/watches/index.ts';
import { alternatingRounds, cpuNsPerItem, frameMix, median, rawFrameMix, wallMs } from './synthetic-frames.ts';

// What Vite defines for the page: the session installs stompjs's fast frame path for this version, as the page does.
const stompjsPackage = new URL('../node_modules/@stomp/stompjs/package.json', import.meta.url);
Object.assign(globalThis, { __STOMPJS_VERSION__: (JSON.parse(readFileSync(stompjsPackage, 'utf8')) as { version: string }).version });
const { TraceSession } = await import('../src/session/index.ts');
type TraceSession = InstanceType<typeof TraceSession>;

const { values } = parseArgs({ options: { messages: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '51' }, 'direct-only': { type: 'boolean', default: false } } });
const MESSAGES = Number(values.messages);
const ROUNDS = Number(values.rounds);
const CAPACITY = 100_000;

/** Filters over the synthetic keys (orders|payments|... . eu|us|... . created|failed|...): some match often, some never. */
const KEY_WATCHES = ['payments.*.failed', 'orders.eu.#', '#.cancelled', 'users.signup', 'exchange:app.events invoices.*.settled'];
const WATCH_SETS: { name: string; filters: string[] }[] = [
  { name: '3 key watches', filters: KEY_WATCHES.slice(0, 3) },
  { name: '5 key watches', filters: KEY_WATCHES },
  { name: '5 watches, one body:', filters: [...KEY_WATCHES.slice(0, 4), 'body:"payment declined"'] },
];

type Feed = (count: number) => number;

function ingestFeed(session: TraceSession): Feed {
  const frames = frameMix(4096, 60);
  let next = 0;
  return (count) =>
    cpuNsPerItem(count, () => {
      for (let i = 0; i < count; i++) session.capture.ingest(frames[next++ % frames.length] as StompMessageFrame, 'sub-1');
    });
}

function stompFeed(session: TraceSession): Feed {
  const chunks = rawFrameMix(4096, 60).map((bytes) => bytes.buffer as ArrayBuffer);
  const parser = new Parser((raw) => session.capture.ingest(FrameImpl.fromRawFrame(raw, true), 'sub-1'), () => undefined);
  let next = 0;
  return (count) =>
    cpuNsPerItem(count, () => {
      for (let i = 0; i < count; i++) parser.parseChunk(chunks[next++ % chunks.length] as ArrayBuffer);
    });
}

function sessionWith(filters: string[]): TraceSession {
  const session = new TraceSession({ capacity: CAPACITY });
  session.watches.sync(filters.map((filter, i) => ({ id: `w${i}`, filter, notify: false })));
  const broken = session.watches.snapshot().filter((w) => w.error !== '');
  if (broken.length > 0) throw new Error(`watch filters that do not compile: ${broken.map((w) => `${w.filter}: ${w.error}`).join('; ')}`);
  return session;
}

/** `filters` empty on both sides: the control, the method's noise floor. */
function compare(path: string, feedOf: (s: TraceSession) => Feed, perPass: number, name: string, filters: string[], control = false): void {
  const withoutSession = sessionWith([]);
  const withSession = sessionWith(control ? [] : filters);
  const without = feedOf(withoutSession);
  const withWatches = feedOf(withSession);
  const m = alternatingRounds(without, withWatches, CAPACITY, perPass, ROUNDS);
  const totals = withSession.watches.snapshot().map((w) => w.total);
  const label = control ? 'control (no watch either side)' : name;
  console.log(
    `${path}, ${label}: without ${m.without.toFixed(0)} ns/msg, with ${m.with.toFixed(0)} ns/msg, ratio ${m.ratio.toFixed(3)}` +
      (control ? '' : `  (matches counted per watch: ${totals.map((t) => t.toLocaleString('en-US')).join(', ')})`),
  );
  void withoutSession.dispose();
  void withSession.dispose();
}

/**
 * The watches' own cost, without the rest of the ingest around it: the
 * WatchSet's append listener over the retained messages of a full capture
 * (steady state: key verdicts known), ns per message. Less noisy than a
 * ratio of two whole ingests on a shared machine.
 */
function direct(name: string, filters: string[]): void {
  const session = sessionWith([]);
  const fill = ingestFeed(session);
  fill(CAPACITY);
  let listener: CaptureListener | null = null;
  const { capture } = session;
  const watches = new WatchSet(
    { buffer: capture.buffer, keys: capture.keys, addListener: (l) => ((listener = l), () => undefined) },
    (text) => session.compileFilter(text),
  );
  watches.sync(filters.map((filter, i) => ({ id: `w${i}`, filter, notify: false })));
  const onAppend = (seq: number) => (listener as CaptureListener | null)?.onAppend(seq, 1);
  const { firstSeq, lastSeq } = capture.buffer;
  // Wall time of short passes, median: CPU time would also charge the GC and compiler threads of a pass this short.
  const pass = () =>
    (wallMs(() => {
      for (let seq = firstSeq; seq <= lastSeq; seq++) onAppend(seq);
    }) *
      1e6) /
    (lastSeq - firstSeq + 1);
  pass();
  const times = Array.from({ length: ROUNDS }, pass);
  console.log(`watches alone, ${name}: ${median(times).toFixed(0)} ns/msg (wall, median of ${ROUNDS} passes over ${CAPACITY.toLocaleString('en-US')} messages)`);
  watches.dispose();
  void session.dispose();
}

console.log(`60 distinct routing keys, sessions full at ${CAPACITY.toLocaleString('en-US')} messages; CPU medians of ${ROUNDS} rounds\n`);
compare('ingest', ingestFeed, MESSAGES, '', [], true);
direct('no watch (the loop alone)', []);
direct('1 key watch', KEY_WATCHES.slice(0, 1));
for (const set of WATCH_SETS) direct(set.name, set.filters);
if (values['direct-only']) process.exit(0);
for (const set of WATCH_SETS) compare('ingest', ingestFeed, MESSAGES, set.name, set.filters);
// stompjs parses byte by byte, dozens of times the cost of ingest: a tenth of the messages per pass is plenty.
for (const set of WATCH_SETS.slice(0, 2)) compare('stomp + ingest', stompFeed, Math.ceil(MESSAGES / 10), set.name, set.filters);
