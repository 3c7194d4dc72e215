import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionParams, TraceConnectionListeners } from '../connection/index.ts';
import { TraceSession, type SessionConnection } from './trace-session.ts';

/** A connection that records what the session asks of it; the test plays the broker through `listeners`. */
class FakeConnection implements SessionConnection {
  opened = false;
  closed = false;
  readonly subscribed: string[] = [];
  readonly unsubscribed: string[] = [];
  batchDelayMs = -1;
  constructor(
    readonly params: ConnectionParams,
    readonly listeners: TraceConnectionListeners,
  ) {}
  open(): void {
    this.opened = true;
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
  subscribe(id: string, destination: string): void {
    this.subscribed.push(`${id} ${destination}`);
  }
  unsubscribe(id: string): void {
    this.unsubscribed.push(id);
  }
  setBatchDelay(ms: number): void {
    this.batchDelayMs = ms;
  }
  /** Delivers a MESSAGE frame as stompjs would (only the fields the capture reads). */
  deliver(subscriptionId: string, routingKey: string, extra: Record<string, string> = {}): void {
    const frame = { headers: { destination: `/exchange/app.events/${routingKey}`, ...extra }, binaryBody: new TextEncoder().encode(routingKey) };
    this.listeners.onMessage(frame, subscriptionId);
  }
}

const PARAMS: ConnectionParams = { brokers: ['ws://127.0.0.1:15674/ws'], vhost: '/', login: 'tracer', passcode: 'secret' };

function newSession() {
  const connections: FakeConnection[] = [];
  const session = new TraceSession({
    capacity: 100,
    createConnection: (params, listeners) => {
      const c = new FakeConnection(params, listeners);
      connections.push(c);
      return c;
    },
  });
  const latest = () => connections[connections.length - 1] as FakeConnection;
  return { session, connections, latest, state: () => session.store.getState() };
}

/** A document whose visibility the test switches; visibilitychange listeners are told. Undo with vi.unstubAllGlobals(). */
function stubPageVisibility(initial: DocumentVisibilityState) {
  const listeners = new Set<() => void>();
  const doc = {
    visibilityState: initial,
    addEventListener: (_type: string, l: () => void) => listeners.add(l),
    removeEventListener: (_type: string, l: () => void) => listeners.delete(l),
  };
  vi.stubGlobal('document', doc);
  return {
    show(visible: boolean) {
      doc.visibilityState = visible ? 'visible' : 'hidden';
      for (const l of listeners) l();
    },
  };
}

/** With no animation frames (Node), the session publishes on its hidden-tab timer. */
const flush = () => vi.advanceTimersByTime(300);

describe('TraceSession', () => {
  // At the start of a second, so a test's few hundred milliseconds stay inside it.
  const T0 = 1_700_000_000_000;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('is created empty, with its own store', () => {
    const a = newSession();
    const b = newSession();
    expect(a.state()).toMatchObject({ status: 'disconnected', received: 0, visible: 0, subscriptions: [], filterText: '' });
    a.session.addSubscription('/exchange/app.events/#', false);
    expect(b.state().subscriptions).toEqual([]);
  });

  it('connects, subscribes what was added before and after, and reports status and subscription states', () => {
    const { session, connections, latest, state } = newSession();
    session.addSubscription('/exchange/app.events/orders.#', true);
    session.connect(PARAMS);
    expect(connections).toHaveLength(1);
    expect(latest().params).toEqual(PARAMS);
    expect(latest().opened).toBe(true);
    expect(state().target).toEqual({ brokers: PARAMS.brokers, vhost: '/', login: 'tracer' });
    expect(latest().subscribed).toEqual(['sub-1 /exchange/app.events/orders.#']);
    session.addSubscription('/topic/#', false);
    expect(latest().subscribed).toEqual(['sub-1 /exchange/app.events/orders.#', 'sub-2 /topic/#']);

    latest().listeners.onStatus('connected', '');
    latest().listeners.onSubscriptionActive('sub-1');
    latest().listeners.onSubscriptionFailed('sub-2', 'no exchange');
    expect(state().status).toBe('connected');
    expect(state().subscriptions.map((s) => [s.id, s.state, s.error])).toEqual([
      ['sub-1', 'active', ''],
      ['sub-2', 'failed', 'no exchange'],
    ]);
  });

  it('captures delivered frames and publishes the counters once per update, not per message', () => {
    const { session, latest, state } = newSession();
    session.addSubscription('/exchange/app.events/#', false);
    session.connect(PARAMS);
    const published = vi.fn();
    session.store.subscribe(published);
    for (let i = 0; i < 50; i++) latest().deliver('sub-1', `k.${i % 2}`);
    expect(session.capture.buffer.received).toBe(50);
    expect(published).not.toHaveBeenCalled();
    flush();
    expect(published).toHaveBeenCalledTimes(1);
    expect(state()).toMatchObject({ received: 50, visible: 50, rows: 50 });
    expect(session.rates.bucketAt(T0 / 1000)?.messages).toBe(50);
  });

  it('after a reconnect, drops the copies the broker hands over again', () => {
    const { session, latest, state } = newSession();
    session.addSubscription('/exchange/app.events/#', true);
    session.connect(PARAMS);
    latest().listeners.onStatus('connected', '');
    latest().deliver('sub-1', 'a', { 'x-warren-seq': '1' });
    latest().deliver('sub-1', 'b', { 'x-warren-seq': '2' });
    latest().listeners.onStatus('connecting', 'connection lost');
    latest().listeners.onStatus('connected', '');
    latest().deliver('sub-1', 'b', { 'x-warren-seq': '2' }); // re-sent by the shovel, not marked
    latest().deliver('sub-1', 'c', { 'x-warren-seq': '3' });
    flush();
    expect(state().received).toBe(3);
  });

  it('pauses the view while capture goes on, and resumes following', () => {
    const { session, latest, state } = newSession();
    session.addSubscription('/exchange/app.events/#', false);
    session.connect(PARAMS);
    latest().deliver('sub-1', 'a');
    flush();
    state().setFollowing(false);
    session.togglePause();
    expect(state().paused).toBe(true);
    latest().deliver('sub-1', 'b');
    latest().deliver('sub-1', 'c');
    flush();
    expect(state()).toMatchObject({ received: 3, visible: 1, bufferedWhilePaused: 2, paused: true });
    session.togglePause();
    expect(state()).toMatchObject({ received: 3, visible: 3, bufferedWhilePaused: 0, paused: false, following: true });
  });

  it('keeps the last good filter when a new one does not parse, and says why', () => {
    const { session, latest, state } = newSession();
    session.addSubscription('/exchange/app.events/#', false);
    session.connect(PARAMS);
    for (const key of ['orders.eu', 'users.signup', 'orders.us']) latest().deliver('sub-1', key);
    session.setFilterText('orders.#');
    expect(state()).toMatchObject({ filterText: 'orders.#', filterError: '', visible: 2 });
    session.setFilterText('key:"unclosed');
    expect(state().filterText).toBe('key:"unclosed');
    expect(state().filterError).not.toBe('');
    expect(state().visible).toBe(2);
    session.setFilterText('');
    expect(state()).toMatchObject({ filterText: '', filterError: '', visible: 3 });
  });

  it('replaces its connection on connect, and stops capture and unsubscribes on request', async () => {
    const { session, connections, latest, state } = newSession();
    session.addSubscription('/exchange/app.events/#', false);
    session.connect(PARAMS);
    session.connect({ ...PARAMS, vhost: 'other' });
    expect(connections[0]?.closed).toBe(true);
    // A status from the replaced connection does not reach the status line.
    connections[0]?.listeners.onStatus('error', 'old');
    expect(state().status).toBe('disconnected');
    session.toggleSubscriptionCapture('sub-1');
    expect(latest().unsubscribed).toEqual(['sub-1']);
    expect(state().subscriptions[0]?.state).toBe('paused');
    session.removeSubscription('sub-1');
    expect(state().subscriptions).toEqual([]);
    await session.disconnect();
    expect(latest().closed).toBe(true);
    expect(state().status).toBe('disconnected');
  });

  it('after dispose, closes its connection and publishes nothing more', async () => {
    const { session, connections, latest, state } = newSession();
    session.addSubscription('/exchange/app.events/#', false);
    session.connect(PARAMS);
    latest().deliver('sub-1', 'a');
    await session.dispose();
    expect(latest().closed).toBe(true);
    expect(session.isDisposed).toBe(true);
    flush();
    expect(state().received).toBe(0); // the pending publish was cancelled
    session.connect(PARAMS);
    expect(connections).toHaveLength(1); // a disposed session opens nothing
    expect(state().status).toBe('disconnected');
  });

  it('publishes nothing while the tab is hidden, and catches up in one update when shown', () => {
    const page = stubPageVisibility('hidden');
    try {
      const { session, latest, state } = newSession();
      session.addSubscription('/exchange/app.events/#', false);
      session.connect(PARAMS);
      const published = vi.fn();
      session.store.subscribe(published);
      for (let i = 0; i < 20; i++) latest().deliver('sub-1', 'k');
      vi.advanceTimersByTime(5_000);
      expect(published).not.toHaveBeenCalled();
      expect(session.capture.buffer.received).toBe(20); // captured all the same
      page.show(true);
      flush();
      expect(published).toHaveBeenCalledTimes(1);
      expect(state().received).toBe(20);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lets the socket batch longer when paused and longer still when hidden, and goes back to live batching', () => {
    const page = stubPageVisibility('visible');
    try {
      const { session, latest } = newSession();
      session.connect(PARAMS);
      const live = latest().batchDelayMs;
      session.togglePause();
      const paused = latest().batchDelayMs;
      page.show(false);
      const hidden = latest().batchDelayMs;
      page.show(true);
      expect(latest().batchDelayMs).toBe(paused);
      session.togglePause();
      expect(latest().batchDelayMs).toBe(live);
      expect(live).toBeGreaterThanOrEqual(0);
      expect(paused).toBeGreaterThan(live);
      expect(hidden).toBeGreaterThan(paused);
      session.connect(PARAMS); // a new connection is told at once
      expect(latest().batchDelayMs).toBe(live);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('follows rows ten times a second, and once a second during a bulk load (an import), publishing at its end', () => {
    stubPageVisibility('visible');
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 16));
    try {
      const { session, latest, state } = newSession();
      session.addSubscription('/exchange/app.events/#', false);
      session.connect(PARAMS);
      const rowUpdates = () => {
        let n = 0;
        let version = state().version;
        const off = session.store.subscribe((s) => {
          if (s.version !== version) n++;
          version = s.version;
        });
        return () => (off(), n);
      };
      const streamFor = (ms: number) => {
        for (let t = 0; t < ms; t += 10) {
          latest().deliver('sub-1', 'k');
          vi.advanceTimersByTime(10);
        }
      };
      let stop = rowUpdates();
      streamFor(2000);
      const live = stop();
      const end = session.beginBulkLoad();
      expect(state().bulkLoading).toBe(true);
      stop = rowUpdates();
      streamFor(3000);
      const bulk = stop();
      const before = state().received;
      end();
      end();
      expect(state().bulkLoading).toBe(false);
      expect(state().received - before).toBeGreaterThan(0); // what came since the last publish, at once
      expect(state().received).toBe(500);
      expect(live).toBeGreaterThanOrEqual(15);
      expect(bulk).toBeGreaterThanOrEqual(2);
      expect(bulk).toBeLessThanOrEqual(4);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a publish pending when the tab is hidden is made when it is shown again', () => {
    const page = stubPageVisibility('visible');
    try {
      const { session, latest, state } = newSession();
      session.addSubscription('/exchange/app.events/#', false);
      session.connect(PARAMS);
      latest().deliver('sub-1', 'k'); // schedules a publish...
      page.show(false); // ...which the hidden tab drops
      flush();
      expect(state().received).toBe(0);
      page.show(true);
      flush();
      expect(state().received).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
