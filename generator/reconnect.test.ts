import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBackoff, firstFailure, keepConnected } from './reconnect.ts';
import type { Session } from './reconnect.ts';

describe('backoff', () => {
  it('starts at 0.5 s, doubles up to 10 s, and starts over after a reset', () => {
    const b = createBackoff();
    expect(Array.from({ length: 8 }, () => b.next())).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    b.reset();
    expect(b.next()).toBe(500);
  });
});

/** A session the test kills by hand. */
function fakeSession(id: number) {
  let kill: (e: Error) => void = () => undefined;
  const lost = new Promise<Error>((r) => (kill = r));
  const s = { id, lost, closed: false, kill: (msg: string) => kill(new Error(msg)), close: async () => void (s.closed = true) };
  return s;
}
type Fake = ReturnType<typeof fakeSession> & Session;

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('keepConnected', () => {
  it('reopens a lost session with backoff, says so, and hands the new one to waiters', async () => {
    const lines: string[] = [];
    const waits: number[] = [];
    let opened = 0;
    let refuse = 0;
    const keeper = await keepConnected<Fake>({
      label: 'origin connection',
      log: (l) => lines.push(l),
      open: async () => {
        if (refuse > 0) {
          refuse--;
          throw new Error('ECONNREFUSED');
        }
        return fakeSession(++opened);
      },
      wait: async (ms) => void waits.push(ms),
    });
    const first = keeper.current();
    expect(first?.id).toBe(1);
    refuse = 2;
    first?.kill('socket closed');
    const next = keeper.ready(undefined, first ?? undefined);
    expect((await next).id).toBe(2);
    expect(first?.closed).toBe(true);
    expect(waits).toEqual([500, 1000, 2000]);
    expect(lines).toEqual([
      'origin connection lost: socket closed; reconnecting in 0.5 s',
      'origin connection: cannot reconnect (ECONNREFUSED); retrying in 1.0 s',
      'origin connection: cannot reconnect (ECONNREFUSED); retrying in 2.0 s',
      'origin connection: reconnected',
    ]);
    expect(keeper.reconnects).toBe(1);
    // The backoff started over once connected.
    const second = keeper.current() ?? undefined;
    second?.kill('again');
    await keeper.ready(undefined, second);
    expect(waits.at(-1)).toBe(500);
    await keeper.stop();
    await expect(keeper.ready()).rejects.toThrow(/stopped/);
  });

  it('fails when the first connection fails (a wrong URL should not loop)', async () => {
    await expect(keepConnected({ label: 'x', log: () => undefined, open: () => Promise.reject(new Error('nope')) })).rejects.toThrow('nope');
  });

  it('ready() gives up when its signal aborts', async () => {
    const keeper = await keepConnected<Fake>({ label: 'x', log: () => undefined, open: async () => fakeSession(1), wait: () => new Promise(() => undefined) });
    keeper.current()?.kill('gone');
    await tick();
    const stop = new AbortController();
    const waiting = keeper.ready(stop.signal);
    stop.abort();
    await expect(waiting).rejects.toThrow(/aborted/);
    await keeper.stop();
  });
});

describe('firstFailure', () => {
  it('settles on the first error or close of any emitter', async () => {
    const a = new EventEmitter();
    const b = new EventEmitter();
    const lost = firstFailure([a, b], 'channel');
    b.emit('close');
    a.emit('error', new Error('later'));
    expect((await lost).message).toBe('channel closed');
  });
});
