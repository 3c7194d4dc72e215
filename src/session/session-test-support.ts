/** The session tests' fakes: a connection the test plays the broker through, and a page whose visibility it switches. */
import { afterEach, beforeEach, vi } from 'vitest';
import type { ConnectionParams, TraceConnectionListeners } from '../connection/index.ts';
import { TraceSession, type SessionConnection } from './trace-session.ts';

/** A connection that records what the session asks of it; the test plays the broker through `listeners`. */
export class FakeConnection implements SessionConnection {
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

export const PARAMS: ConnectionParams = { brokers: ['ws://127.0.0.1:15674/ws'], vhost: '/', login: 'tracer', passcode: 'secret' };

export function newSession() {
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

/** A session subscribed to `/exchange/app.events/#` (sub-1, live) and connected: the test plays the broker through `latest()`. */
export function connectedSession() {
  const made = newSession();
  made.session.addSubscription('/exchange/app.events/#', false);
  made.session.connect(PARAMS);
  return made;
}

/** A document whose visibility the test switches; visibilitychange listeners are told. Undo with vi.unstubAllGlobals(). */
export function stubPageVisibility(initial: DocumentVisibilityState) {
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

/** A window whose focus the test moves away and back (PageAttention); blur and focus listeners are told. Undo with vi.unstubAllGlobals(). */
export function stubWindowFocus() {
  const listeners = new Map<string, Set<() => void>>();
  vi.stubGlobal('window', {
    addEventListener: (type: string, l: () => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(l)),
    removeEventListener: (type: string, l: () => void) => listeners.get(type)?.delete(l),
  });
  const fire = (type: string) => {
    for (const l of listeners.get(type) ?? []) l();
  };
  return { blur: () => fire('blur'), focus: () => fire('focus') };
}

/** With no animation frames (Node), the session publishes on its hidden-tab timer. */
export const flush = () => vi.advanceTimersByTime(300);

/** At the start of a second, so a test's few hundred milliseconds stay inside it. */
export const T0 = 1_700_000_000_000;

/** Fake timers from T0 for every test of the calling describe block. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());
}

/** Animation frames on the fake clock, one every 16 ms. Undo with vi.unstubAllGlobals(). */
export function stubTimerFrames(): void {
  vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 16));
}

/** Plays the broker: `perTenMs` messages every 10 ms for `ms`, on the fake clock. */
export function streamFor(connection: FakeConnection, ms: number, perTenMs = 1): void {
  for (let t = 0; t < ms; t += 10) {
    for (let i = 0; i < perTenMs; i++) connection.deliver('sub-1', 'k');
    vi.advanceTimersByTime(10);
  }
}

/** How many times the published rows moved (the table re-rendered) while `run` ran. */
export function rowUpdatesDuring(session: TraceSession, run: () => void): number {
  let n = 0;
  let version = session.store.getState().version;
  const off = session.store.subscribe((s) => {
    if (s.version !== version) n++;
    version = s.version;
  });
  try {
    run();
  } finally {
    off();
  }
  return n;
}
