import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionParams, SubscribeOptions, TraceConnectionListeners } from '../connection/index.ts';
import { TraceSession, type SessionConnection } from './trace-session.ts';

const NOW = 1_796_300_000_000;

/** Records what the session asks of the connection; the test plays the broker through `listeners`. */
class FakeConnection implements SessionConnection {
  readonly calls: string[] = [];
  constructor(readonly listeners: TraceConnectionListeners) {}
  open(): void {}
  close(): Promise<void> {
    return Promise.resolve();
  }
  subscribe(id: string, destination: string, options: SubscribeOptions): void {
    this.calls.push(`subscribe ${id} ${destination}${options.stream ? ` from ${options.stream.offset}` : ''}`);
  }
  unsubscribe(id: string): void {
    this.calls.push(`unsubscribe ${id}`);
  }
  setBatchDelay(): void {}
  deliver(id: string, routingKey: string, stampedSecond: number): void {
    const headers = { destination: `/exchange/app.events/${routingKey}`, 'x-shovelled-timestamp': String(stampedSecond) };
    this.listeners.onMessage({ headers, binaryBody: new Uint8Array(0) }, id);
  }
}

const PARAMS: ConnectionParams = { brokers: ['ws://127.0.0.1:15674/ws'], vhost: '/', login: 'tracer', passcode: 'secret' };

function setup() {
  let connection: FakeConnection | null = null;
  const session = new TraceSession({
    capacity: 100,
    createConnection: (_params: ConnectionParams, listeners) => (connection = new FakeConnection(listeners)),
  });
  session.addSubscription('/exchange/app.events/orders.#', false);
  session.addSubscription('/topic/#', false);
  const conn = () => {
    if (connection === null) throw new Error('not connected');
    return connection;
  };
  return { session, conn, state: () => session.store.getState() };
}

describe('a session rewind', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('swaps each /exchange/ subscription for its stream from the range start, and keeps only what its pattern matches', async () => {
    const { session, conn, state } = setup();
    session.connect(PARAMS);
    conn().deliver('sub-1', 'orders.live', NOW / 1000);
    expect(session.capture.buffer.size).toBe(1);
    conn().calls.length = 0;

    session.rewind({ kind: 'last', ms: 15 * 60_000, label: '15m' });
    // The capture starts over; the /topic/ subscription has no history and stays live.
    expect(session.capture.buffer.size).toBe(0);
    expect(conn().calls).toEqual(['unsubscribe sub-1', `subscribe sub-1 /amq/queue/warren.history.app.events from timestamp=${NOW / 1000 - 900}`]);
    expect(state().rewind).toMatchObject({ state: 'reading', label: 'the last 15m' });
    expect(state().rewind?.skipped).toEqual(['/topic/#: only /exchange/ subscriptions have history on the mirror; it goes on live']);

    conn().listeners.onSubscriptionActive('sub-1');
    conn().deliver('sub-1', 'orders.eu', NOW / 1000 - 600);
    conn().deliver('sub-1', 'users.eu', NOW / 1000 - 590);
    conn().deliver('sub-1', 'orders.us', NOW / 1000 - 300);
    const kept = [...session.capture.buffer.retained()];
    expect(kept.map((m) => [m.routingKey, m.receivedAt])).toEqual([
      ['orders.eu', NOW - 600_000],
      ['orders.us', NOW - 300_000],
    ]);
    // The stream goes quiet: everything there was is read, and it goes on live.
    await vi.advanceTimersByTimeAsync(2000);
    expect(state().rewind).toMatchObject({ state: 'done', loaded: 2, read: 3 });
    await session.dispose();
  });

  it('reads the stream from the first connection when asked before connecting (?rewind=)', async () => {
    const { session, conn } = setup();
    session.rewind({ kind: 'all' });
    session.connect(PARAMS);
    expect(conn().calls).toEqual(['subscribe sub-1 /amq/queue/warren.history.app.events from first', 'subscribe sub-2 /topic/#']);
    await session.dispose();
  });

  it('puts a subscription whose stream the broker refuses back on live, and says why', async () => {
    const { session, conn, state } = setup();
    session.connect(PARAMS);
    session.rewind({ kind: 'all' });
    conn().calls.length = 0;
    conn().listeners.onSubscriptionFailed('sub-1', "NOT_FOUND - no queue 'warren.history.app.events'");
    expect(conn().calls).toEqual(['unsubscribe sub-1', 'subscribe sub-1 /exchange/app.events/orders.#']);
    expect(state().subscriptions[0]).toMatchObject({ state: 'pending', error: '' });
    session.cancelRewind(); // nothing left reading: the status just ends
    expect(state().rewind?.failed).toEqual(["app.events: NOT_FOUND - no queue 'warren.history.app.events'"]);
    await session.dispose();
  });

  it('cancel sends readers still in the past back to live queues and keeps what they loaded', async () => {
    const { session, conn, state } = setup();
    session.connect(PARAMS);
    session.rewind({ kind: 'last', ms: 3_600_000, label: '1h' });
    conn().deliver('sub-1', 'orders.eu', NOW / 1000 - 60);
    conn().calls.length = 0;
    session.cancelRewind();
    expect(conn().calls).toEqual(['unsubscribe sub-1', 'subscribe sub-1 /exchange/app.events/orders.#']);
    expect(state().rewind).toMatchObject({ state: 'cancelled', loaded: 1 });
    expect(session.capture.buffer.size).toBe(1);
    await session.dispose();
  });

  it('a new subscription with history reads its stream without clearing what the others captured', async () => {
    const { session, conn, state } = setup();
    session.connect(PARAMS);
    conn().deliver('sub-2', 'anything', NOW / 1000);
    conn().calls.length = 0;
    expect(session.addSubscription('/exchange/app.events/users.#', false, { kind: 'last', ms: 300_000, label: '5m' })).toBeNull();
    expect(conn().calls).toEqual([`subscribe sub-3 /amq/queue/warren.history.app.events from timestamp=${NOW / 1000 - 300}`]);
    expect(session.capture.buffer.size).toBe(1);
    expect(state().subscriptions[2]).toMatchObject({ source: 'stream' });
    expect(state().rewind?.label).toBe('the last 5m of /exchange/app.events/users.#');
    // No history for /topic/: it is subscribed live and the caller is told why.
    expect(session.addSubscription('/topic/x.#', false, { kind: 'all' })).toMatch(/only \/exchange\//);
    expect(conn().calls.at(-1)).toBe('subscribe sub-4 /topic/x.#');
    await session.dispose();
  });
});
