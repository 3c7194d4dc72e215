import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionParams, TraceConnectionListeners } from '../../connection/index.ts';
import { TraceSession, type SessionConnection } from '../../session/index.ts';
import { selectRow, tableKeyHandler } from './keyboard.ts';

/** Just enough of a connection to deliver frames to the session. */
class FrameSource implements SessionConnection {
  constructor(
    readonly params: ConnectionParams,
    readonly listeners: TraceConnectionListeners,
  ) {}
  open(): void {}
  close(): Promise<void> {
    return Promise.resolve();
  }
  subscribe(): void {}
  unsubscribe(): void {}
  setBatchDelay(): void {}
  deliver(routingKey: string): void {
    this.listeners.onMessage({ headers: { destination: `/exchange/app.events/${routingKey}` }, binaryBody: new TextEncoder().encode(routingKey) }, 'sub-1');
  }
}

function sessionWith(count: number, capacity = 100) {
  let source: FrameSource | undefined;
  const session = new TraceSession({ capacity, createConnection: (params, listeners) => (source = new FrameSource(params, listeners)) });
  session.addSubscription('/exchange/app.events/#', false);
  session.connect({ brokers: ['ws://127.0.0.1:15674/ws'], vhost: '/', login: 't', passcode: 'p' });
  const deliver = (from: number, to: number) => {
    for (let i = from; i <= to; i++) source?.deliver(`k.${i}`);
    vi.advanceTimersByTime(300); // publishes the view (no animation frames in Node)
  };
  deliver(1, count);
  return { session, deliver, state: () => session.store.getState() };
}

/** A key pressed on the page body, as the window's keydown listener receives it. */
const press = (key: string) => ({ key, target: null, ctrlKey: false, metaKey: false, altKey: false, preventDefault: () => {} }) as unknown as KeyboardEvent;

describe('table keyboard and clicks for the diff', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // keyboard.ts tells text fields and buttons apart with instanceof: give Node the classes.
    vi.stubGlobal('HTMLElement', class {});
    vi.stubGlobal('HTMLButtonElement', class {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('p pins the selected message and unpins it again; d diffs the pinned one (left) with the selected one', () => {
    const { session, state } = sessionWith(3);
    const onKey = tableKeyHandler(session);
    state().selectMessage(1);
    onKey(press('p'));
    expect(state().pinned?.seq).toBe(1);
    onKey(press('d')); // the pinned message is the selected one: nothing to compare
    expect(state().diffPair).toBeNull();
    onKey(press('j'));
    onKey(press('j'));
    expect(state().selectedSeq).toBe(3);
    onKey(press('d'));
    expect([state().diffPair?.left.seq, state().diffPair?.right.seq]).toEqual([1, 3]);
    onKey(press('Escape')); // closes the diff first...
    expect(state().diffPair).toBeNull();
    state().openInspector(3);
    onKey(press('Escape')); // ...then the inspector
    expect(state().inspectorOpen).toBe(false);
    onKey(press('k'));
    onKey(press('k'));
    onKey(press('p'));
    expect(state().pinned).toBeNull();
  });

  it('a modifier click pairs the clicked row with the selected one, older on the left; a plain click inspects and closes the diff', () => {
    const { session, state } = sessionWith(3);
    selectRow(session, 3, false);
    expect(state()).toMatchObject({ selectedSeq: 3, inspectorOpen: true, diffPair: null });
    selectRow(session, 2, true);
    expect([state().diffPair?.left.seq, state().diffPair?.right.seq]).toEqual([2, 3]);
    expect(state().selectedSeq).toBe(2);
    selectRow(session, 1, false);
    expect(state()).toMatchObject({ selectedSeq: 1, diffPair: null, inspectorOpen: true });
    // A modifier click on the selected row itself, or with nothing selected, just selects.
    selectRow(session, 1, true);
    expect(state().diffPair).toBeNull();
  });

  it('the pinned message stays held, and diffable, after the buffer evicts it', () => {
    const { session, deliver, state } = sessionWith(1, 3);
    const onKey = tableKeyHandler(session);
    state().selectMessage(1);
    onKey(press('p'));
    deliver(2, 6);
    expect(session.capture.buffer.get(1)).toBeUndefined();
    expect(state().pinned?.routingKey).toBe('k.1');
    state().selectMessage(6);
    onKey(press('d'));
    expect([state().diffPair?.left.routingKey, state().diffPair?.right.routingKey]).toEqual(['k.1', 'k.6']);
  });
});
