import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLOODED_MSG_PER_S, TRICKLE_MSG_PER_S } from './publish-cadence.ts';
import { connectedSession, flush, newSession, PARAMS, rowUpdatesDuring, streamFor, stubPageVisibility, stubTimerFrames, useFakeClock } from './session-test-support.ts';

/** When the session publishes and how often it lets the socket batch: visibility, pause, imports. */
describe('TraceSession cadence', () => {
  useFakeClock();
  afterEach(() => vi.unstubAllGlobals());

  /** A visible page whose animation frames are timers on the fake clock. */
  const visibleWithFrames = () => {
    stubPageVisibility('visible');
    stubTimerFrames();
  };

  it('publishes nothing while the tab is hidden, and catches up in one update when shown', () => {
    const page = stubPageVisibility('hidden');
    const { session, latest, state } = connectedSession();
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
  });

  it('lets the socket batch longer when paused and longer still when hidden, and goes back to live batching', () => {
    const page = stubPageVisibility('visible');
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
  });

  it('follows rows ten times a second, and once a second during a bulk load (an import), publishing at its end', () => {
    visibleWithFrames();
    const { session, latest, state } = connectedSession();
    const live = rowUpdatesDuring(session, () => streamFor(latest(), 2000, 5)); // 500 msg/s
    const end = session.beginBulkLoad();
    expect(state().bulkLoading).toBe(true);
    const bulk = rowUpdatesDuring(session, () => streamFor(latest(), 3000));
    const before = state().received;
    end();
    end();
    expect(state().bulkLoading).toBe(false);
    expect(state().received - before).toBeGreaterThan(0); // what came since the last publish, at once
    expect(state().received).toBe(1300);
    expect(live).toBeGreaterThanOrEqual(15);
    expect(bulk).toBeGreaterThanOrEqual(2);
    expect(bulk).toBeLessThanOrEqual(4);
  });

  it('flooded (faster than FLOODED_MSG_PER_S), the table follows at the counters cadence; calmer, ten times a second again', () => {
    visibleWithFrames();
    const { session, latest } = connectedSession();
    const calm = rowUpdatesDuring(session, () => streamFor(latest(), 2000, 5)); // 500 msg/s
    const flooded = rowUpdatesDuring(session, () => streamFor(latest(), 2000, FLOODED_MSG_PER_S / 50)); // twice the threshold
    const calmAgain = rowUpdatesDuring(session, () => streamFor(latest(), 2000, 5));
    expect(calm).toBeGreaterThanOrEqual(15);
    expect(flooded).toBeGreaterThanOrEqual(6);
    expect(flooded).toBeLessThanOrEqual(9);
    expect(calmAgain).toBeGreaterThanOrEqual(15);
  });

  it('a trickle (slower than TRICKLE_MSG_PER_S): the table follows four times a second; faster, ten times again', () => {
    visibleWithFrames();
    const { session, latest } = connectedSession();
    const trickle = rowUpdatesDuring(session, () => streamFor(latest(), 2000, 1)); // 100 msg/s
    const faster = rowUpdatesDuring(session, () => streamFor(latest(), 2000, TRICKLE_MSG_PER_S / 50)); // twice the threshold
    expect(trickle).toBeGreaterThanOrEqual(6);
    expect(trickle).toBeLessThanOrEqual(9);
    expect(faster).toBeGreaterThanOrEqual(15);
  });

  it('a publish pending when the tab is hidden is made when it is shown again', () => {
    const page = stubPageVisibility('visible');
    const { latest, state } = connectedSession();
    latest().deliver('sub-1', 'k'); // schedules a publish...
    page.show(false); // ...which the hidden tab drops
    flush();
    expect(state().received).toBe(0);
    page.show(true);
    flush();
    expect(state().received).toBe(1);
  });
});
