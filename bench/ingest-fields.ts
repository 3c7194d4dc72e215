/**
 * `npx tsx bench/ingest-fields.ts [--messages N] [--rounds R]`
 *
 * What field charts (src/fields) cost, as a RATIO measured in one run, the
 * method of bench/ingest-rates.ts and bench/ingest-watches.ts: two whole
 * sessions side by side (TraceSession: capture, conversation index, view,
 * rate model, publish scheduling), one with no field chart and one with 0 or
 * 2 charts, both filled to capacity first (every message also evicts one).
 * Each round feeds the same N frames to both, in alternating order, each
 * pass after a full GC and timed in CPU time; the ratio is the median of the
 * rounds' ratios.
 *
 * Field charts read messages off the ingest path (a drain a few hundred ms
 * later), but on the same thread, so the charted side's timed pass includes
 * `drainNow()`: the decoding of every body it added, which is the real cost.
 * Bodies are the bench's ~250-byte JSON domain events (bench/messages.ts).
 * Paths: "ingest" (pre-parsed frames into capture.ingest, the strictest
 * measure) and "stomp + ingest" (raw STOMP bytes through stompjs's Parser
 * first, as the browser receives them).
 */
import { FrameImpl, Parser } from '@stomp/stompjs';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { StompMessageFrame } from '../src/model/index.ts';
import { benchMessage } from './messages.ts';
import { alternatingRounds, cpuNsPerItem } from './synthetic-frames.ts';

// What Vite defines for the page: the session installs stompjs's fast frame path for this version, as the page does.
const stompjsPackage = new URL('../node_modules/@stomp/stompjs/package.json', import.meta.url);
Object.assign(globalThis, { __STOMPJS_VERSION__: (JSON.parse(readFileSync(stompjsPackage, 'utf8')) as { version: string }).version });
const { TraceSession } = await import('../src/session/index.ts');
const { fieldChartsOf } = await import('../src/features/field-charts/session-fields.ts');
type TraceSession = InstanceType<typeof TraceSession>;

const { values } = parseArgs({ options: { messages: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '31' } } });
const MESSAGES = Number(values.messages);
const ROUNDS = Number(values.rounds);
const CAPACITY = 100_000;
/** A number every body has, and a string one (read, found, not charted): the second shares the first's decode. */
const CHARTED = ['$.amount_cents', '$.customer.id'];

/** The bench's domain events as web_stomp delivers them: headers, and the JSON body as bytes. */
function domainFrames(count: number): { frame: StompMessageFrame; raw: Uint8Array }[] {
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, i) => {
    const m = benchMessage('bench-fields', i + 1, 1_700_000_000_000 + i);
    const headers: Record<string, string> = {
      subscription: 'sub-1',
      destination: `/exchange/app.events/${m.routingKey}`,
      'message-id': `T_sub-1@@session-abc@@${i + 1}`,
      redelivered: 'false',
      'x-warren-seq': String(i + 1),
      persistent: 'true',
      'content-type': 'application/json',
      'content-length': String(m.content.length),
    };
    const head = Object.entries(headers).map(([k, v]) => `${k}:${v}`);
    const raw = new Uint8Array([...encoder.encode(`MESSAGE\n${head.join('\n')}\n\n`), ...m.content, 0]);
    return { frame: { headers, binaryBody: new Uint8Array(m.content) }, raw };
  });
}

const FRAMES = domainFrames(4096);

type Feed = (count: number) => number;

/** After the frames, whatever the session's field charts have to read, in the same timed pass. */
const drain = (session: TraceSession) => fieldChartsOf(session).drainNow();

function ingestFeed(session: TraceSession): Feed {
  let next = 0;
  return (count) =>
    cpuNsPerItem(count, () => {
      for (let i = 0; i < count; i++) session.capture.ingest((FRAMES[next++ % FRAMES.length] as { frame: StompMessageFrame }).frame, 'sub-1');
      drain(session);
    });
}

function stompFeed(session: TraceSession): Feed {
  const chunks = FRAMES.map(({ raw }) => raw.buffer as ArrayBuffer);
  const parser = new Parser((raw) => session.capture.ingest(FrameImpl.fromRawFrame(raw, true), 'sub-1'), () => undefined);
  let next = 0;
  return (count) =>
    cpuNsPerItem(count, () => {
      for (let i = 0; i < count; i++) parser.parseChunk(chunks[next++ % chunks.length] as ArrayBuffer);
      drain(session);
    });
}

function sessionCharting(paths: string[]): TraceSession {
  const session = new TraceSession({ capacity: CAPACITY });
  for (const path of paths) {
    const added = fieldChartsOf(session).add(path);
    if (!added.ok) throw new Error(`${path}: ${added.error}`);
  }
  return session;
}

function compare(path: string, feedOf: (s: TraceSession) => Feed, perPass: number, paths: string[]): void {
  const withoutSession = sessionCharting([]);
  const withSession = sessionCharting(paths);
  const without = feedOf(withoutSession);
  const charted = feedOf(withSession);
  const m = alternatingRounds(without, charted, CAPACITY, perPass, ROUNDS);
  const label = paths.length === 0 ? 'control (no chart either side)' : `${paths.length} field charts (${paths.join(', ')})`;
  const read = fieldChartsOf(withSession).list.map((s) => `${s.path.text}: ${s.counts.values.toLocaleString('en-US')} values, ${s.counts.notNumber.toLocaleString('en-US')} not numbers`);
  console.log(`${path}, ${label}: without ${m.without.toFixed(0)} ns/msg, with ${m.with.toFixed(0)} ns/msg, ratio ${m.ratio.toFixed(3)}${read.length > 0 ? `  (${read.join('; ')})` : ''}`);
  fieldChartsOf(withSession).dispose();
  void withoutSession.dispose();
  void withSession.dispose();
}

const bodyBytes = FRAMES.reduce((sum, f) => sum + f.frame.binaryBody.length, 0) / FRAMES.length;
console.log(`JSON domain events (mean body ${bodyBytes.toFixed(0)} bytes), sessions full at ${CAPACITY.toLocaleString('en-US')} messages; CPU medians of ${ROUNDS} rounds\n`);
compare('ingest', ingestFeed, MESSAGES, []);
compare('ingest', ingestFeed, MESSAGES, CHARTED.slice(0, 1));
compare('ingest', ingestFeed, MESSAGES, CHARTED);
// stompjs parses byte by byte, dozens of times the cost of ingest: a tenth of the messages per pass is plenty.
compare('stomp + ingest', stompFeed, Math.ceil(MESSAGES / 10), CHARTED);
