/**
 * The ceiling: a bare @stomp/stompjs consumer in Node, in its own process so
 * the publisher (in the parent) never shares its event loop. It subscribes to
 * one destination on the mirror, tells the parent when the subscription is
 * confirmed, and counts messages by `x-warren-seq`.
 *
 * Protocol with the parent (IPC): it sends {type:'ready'}, then
 * {type:'progress', received} every second, and finally {type:'done', ...}
 * when `expected` distinct seqs arrived or nothing came for `idleMs`.
 */
import { performance } from 'node:perf_hooks';
import { benchStompClient } from './stomp-client.ts';

export interface CeilingConsumerArgs {
  url: string;
  login: string;
  passcode: string;
  vhost: string;
  destination: string;
  expected: number;
  idleMs: number;
}

export type CeilingMessage =
  | { type: 'ready' }
  | { type: 'progress'; received: number }
  | { type: 'done'; received: number; distinct: number; duplicates: number; firstAt: number; lastAt: number }
  | { type: 'error'; message: string };

function send(message: CeilingMessage): void {
  process.send?.(message);
}

function main(): void {
  const args = JSON.parse(process.argv[2] ?? '{}') as CeilingConsumerArgs;
  const seen = new Uint8Array(args.expected + 1);
  let received = 0;
  let distinct = 0;
  let duplicates = 0;
  let firstAt = -1;
  let lastAt = -1;
  let lastArrival = Date.now();
  let subscribed = false;

  const client = benchStompClient(args, {
    onStompError: (frame) => fail(`STOMP error: ${frame.headers.message ?? ''} ${frame.body}`),
    onWebSocketClose: (event: { code: number; reason: string }) => {
      if (!finished) fail(`WebSocket closed (${event.code} ${event.reason})`);
    },
    onConnect: () => {
      client.watchForReceipt('bench-subscribed', () => {
        subscribed = true;
        lastArrival = Date.now();
        send({ type: 'ready' });
      });
      client.subscribe(
        args.destination,
        (message) => {
          const now = performance.now();
          if (firstAt < 0) firstAt = now;
          lastAt = now;
          lastArrival = Date.now();
          received++;
          const seq = Number(message.headers['x-warren-seq']);
          if (Number.isInteger(seq) && seq >= 1 && seq <= args.expected) {
            if (seen[seq] === 1) duplicates++;
            else {
              seen[seq] = 1;
              distinct++;
            }
          }
          if (distinct === args.expected) void finish();
        },
        { receipt: 'bench-subscribed' },
      );
    },
  });

  let finished = false;
  async function finish(): Promise<void> {
    if (finished) return;
    finished = true;
    clearInterval(ticker);
    // Epoch times, so the parent can line them up with the publisher's clock.
    const toEpoch = (t: number) => (t < 0 ? -1 : performance.timeOrigin + t);
    send({ type: 'done', received, distinct, duplicates, firstAt: toEpoch(firstAt), lastAt: toEpoch(lastAt) });
    await client.deactivate();
    process.exit(0);
  }
  function fail(message: string): void {
    if (finished) return;
    finished = true;
    send({ type: 'error', message });
    process.exit(1);
  }

  const ticker = setInterval(() => {
    send({ type: 'progress', received });
    if (subscribed && received > 0 && Date.now() - lastArrival > args.idleMs) void finish();
  }, 1000);
  process.on('disconnect', () => process.exit(0));
  client.activate();
}

main();
