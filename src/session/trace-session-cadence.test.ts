import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLOODED_MSG_PER_S, GLANCE_BATCH_DELAY_MS, LIVE_BATCH_DELAY_MS, TRICKLE_BATCH_DELAY_MS, TRICKLE_MSG_PER_S } from './publish-cadence.ts';
import { connectedSession, flush, PARAMS, rowUpdatesDuring, streamFor, stubPageVisibility, stubTimerFrames, stubWindowFocus, useFakeClock } from './session-test-support.ts';

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
    stubTimerFrames();
    const { session, latest } = connectedSession();
    expect(latest().batchDelayMs).toBe(TRICKLE_BATCH_DELAY_MS); // nothing flows yet: a trickle
    streamFor(latest(), 500, 5); // 500 msg/s
    const live = latest().batchDelayMs;
    session.togglePause();
    const paused = latest().batchDelayMs;
    page.show(false);
    const hidden = latest().batchDelayMs;
    page.show(true);
    expect(latest().batchDelayMs).toBe(paused);
    session.togglePause();
    expect(latest().batchDelayMs).toBe(live);
    expect(live).toBe(LIVE_BATCH_DELAY_MS);
    expect(paused).toBeGreaterThan(live);
    expect(hidden).toBeGreaterThan(paused);
    session.connect(PARAMS); // a new connection is told at once
    expect(latest().batchDelayMs).toBe(live);
  });

  it('a trickle lets the socket batch at the table\'s cadence for it; faster, at the live one again', () => {
    visibleWithFrames();
    const { latest } = connectedSession();
    streamFor(latest(), 1000, 5); // 500 msg/s
    expect(latest().batchDelayMs).toBe(LIVE_BATCH_DELAY_MS);
    streamFor(latest(), 1000, 1); // 100 msg/s
    expect(latest().batchDelayMs).toBe(TRICKLE_BATCH_DELAY_MS);
    streamFor(latest(), 1000, 5);
    expect(latest().batchDelayMs).toBe(LIVE_BATCH_DELAY_MS);
  });

  it('nobody attending the page (window blurred), it follows once a second; attention back catches up at once', () => {
    visibleWithFrames();
    const focus = stubWindowFocus();
    const { session, latest, state } = connectedSession();
    const attended = rowUpdatesDuring(session, () => streamFor(latest(), 2000, 5)); // 500 msg/s
    focus.blur();
    expect(latest().batchDelayMs).toBe(GLANCE_BATCH_DELAY_MS);
    const glancing = rowUpdatesDuring(session, () => streamFor(latest(), 3000, 5));
    expect(attended).toBeGreaterThanOrEqual(15);
    expect(glancing).toBeGreaterThanOrEqual(2);
    expect(glancing).toBeLessThanOrEqual(4);
    streamFor(latest(), 300, 5); // held back: less than a second since the last update
    expect(state().received).toBeLessThan(session.capture.buffer.received);
    focus.focus();
    vi.advanceTimersByTime(20); // the next frame
    expect(state().received).toBe(session.capture.buffer.received);
    expect(latest().batchDelayMs).toBe(LIVE_BATCH_DELAY_MS);
    // What the socket held for the glance's cadence comes a moment later: drawn in the next frame too, not an interval later.
    for (let i = 0; i < 5; i++) latest().deliver('sub-1', 'k');
    vi.advanceTimersByTime(20);
    expect(state().received).toBe(session.capture.buffer.received);
  });

  it('shown again, what the socket held while hidden is drawn in the next frame when it comes', () => {
    const page = stubPageVisibility('visible');
    stubTimerFrames();
    const { session, latest, state } = connectedSession();
    streamFor(latest(), 1000, 5);
    page.show(false);
    streamFor(latest(), 1000, 5);
    page.show(true);
    vi.advanceTimersByTime(20);
    expect(state().received).toBe(session.capture.buffer.received);
    for (let i = 0; i < 5; i++) latest().deliver('sub-1', 'k');
    vi.advanceTimersByTime(20);
    expect(state().received).toBe(session.capture.buffer.received);
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
