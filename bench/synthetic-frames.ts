/**
 * Synthetic MESSAGE frames shaped like what RabbitMQ's web_stomp delivers for
 * the generator's domain events, and the measuring helpers of
 * bench/ingest-rates.ts.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { StompMessageFrame } from '../src/model/index.ts';

const WORDS = [
  ['orders', 'payments', 'users', 'shipments', 'invoices', 'carts'],
  ['eu', 'us', 'apac', 'signup', 'login'],
  ['created', 'updated', 'failed', 'settled', 'cancelled'],
];

/** `distinctKeys` routing keys of 2–3 words. */
export function routingKeys(distinctKeys: number): string[] {
  const keys: string[] = [];
  for (let i = 0; keys.length < distinctKeys; i++) {
    const [a, b, c] = WORDS.map((w, d) => w[Math.floor(i / 3 ** d) % w.length] ?? '');
    keys.push(i % 4 === 3 ? `${a}.${b}` : `${a}.${b}.${c}`);
  }
  return keys;
}

function headersOf(i: number, key: string, bodyLength: number): Record<string, string> {
  return {
    subscription: 'sub-1',
    destination: `/exchange/app.events/${key}`,
    'message-id': `T_sub-1@@session-abc@@${i + 1}`,
    redelivered: 'false',
    'x-warren-seq': String(i + 1),
    'x-shovelled-timestamp': '1700000000',
    persistent: 'true',
    'content-type': 'application/json',
    'content-length': String(bodyLength),
  };
}

const bodyLength = (i: number) => 80 + ((i * 37) % 320);

/** `count` parsed frames cycling over `distinctKeys` keys, bodies of 80–400 bytes. */
export function frameMix(count: number, distinctKeys: number): StompMessageFrame[] {
  const keys = routingKeys(distinctKeys);
  return Array.from({ length: count }, (_, i) => {
    const body = new Uint8Array(bodyLength(i)).fill(0x61);
    return { headers: headersOf(i, keys[i % keys.length] ?? '', body.length), binaryBody: body };
  });
}

/** The same frames as raw STOMP bytes, one WebSocket message each, for stompjs's Parser. */
export function rawFrameMix(count: number, distinctKeys: number): Uint8Array[] {
  const keys = routingKeys(distinctKeys);
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, i) => {
    const length = bodyLength(i);
    const head = Object.entries(headersOf(i, keys[i % keys.length] ?? '', length)).map(([k, v]) => `${k}:${v}`);
    return encoder.encode(`MESSAGE\n${head.join('\n')}\n\n${'a'.repeat(length)}\0`);
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

// A full GC on demand without restarting node with --expose-gc.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * CPU time (this process, µs → ns per item) of `run`, after a full GC so no
 * pass pays for the garbage of the one before. CPU time, not wall time: on a
 * shared machine, waiting for a core is not the code's cost.
 */
export function cpuNsPerItem(items: number, run: () => void): number {
  collectGarbage();
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return ((used.user + used.system) * 1000) / items;
}

/**
 * Wall time of `run` in ms. For short single-threaded work (a chart read),
 * where CPU time would also charge the GC's background threads.
 */
export function wallMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Heap in use after a full GC. */
export function heapUsedAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Medians of {@link alternatingRounds}: ns per message without and with, and of the rounds' with/without ratios. */
export interface RoundsMedians {
  without: number;
  with: number;
  ratio: number;
}

/**
 * Times two feeds against each other: both filled first (full buffers, JIT
 * warm on both shapes), then `rounds` passes of `perPass` messages each,
 * alternating which side runs first so neither always meets a fresher heap.
 * Each feed returns its pass's cost (ns per message).
 */
export function alternatingRounds(without: (n: number) => number, withIt: (n: number) => number, fill: number, perPass: number, rounds: number): RoundsMedians {
  without(fill);
  withIt(fill);
  const off: number[] = [];
  const on: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const withFirst = round % 2 === 1;
    const first = withFirst ? withIt(perPass) : without(perPass);
    const second = withFirst ? without(perPass) : withIt(perPass);
    const [a, b] = withFirst ? [second, first] : [first, second];
    off.push(a);
    on.push(b);
    ratios.push(b / a);
  }
  return { without: median(off), with: median(on), ratio: median(ratios) };
}
