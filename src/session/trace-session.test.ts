import { describe, expect, it, vi } from 'vitest';
import { connectedSession, flush, newSession, PARAMS, T0, useFakeClock } from './session-test-support.ts';

describe('TraceSession', () => {
  useFakeClock();

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
    const { session, latest, state } = connectedSession();
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
    const { session, latest, state } = connectedSession();
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
    const { session, latest, state } = connectedSession();
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

  it('from the filter box: the text reaches the store at once, one re-filter of the last good text follows after the paint', () => {
    const { session, latest, state } = connectedSession();
    for (const key of ['orders.eu', 'users.signup', 'orders.us']) latest().deliver('sub-1', key);
    flush();
    const refilters = vi.spyOn(session.view, 'setFilter');
    session.typeFilterText('o');
    session.typeFilterText('orders.#');
    session.typeFilterText('orders.# key:"unclosed');
    expect(state().filterText).toBe('orders.# key:"unclosed');
    expect(state().filterError).not.toBe('');
    expect(refilters).not.toHaveBeenCalled();
    expect(state().visible).toBe(3);
    vi.advanceTimersByTime(0); // no frames here (Node): the next task
    expect(refilters).toHaveBeenCalledTimes(1);
    expect(state()).toMatchObject({ filterText: 'orders.# key:"unclosed', visible: 2 });
    // A filter set at once (a link, a chart) wins over a typed one still waiting.
    session.typeFilterText('users.#');
    session.setFilterText('');
    vi.advanceTimersByTime(0);
    expect(state()).toMatchObject({ filterText: '', filterError: '', visible: 3 });
  });

  it('replaces its connection on connect, and stops capture and unsubscribes on request', async () => {
    const { session, connections, latest, state } = connectedSession();
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
    const { session, connections, latest, state } = connectedSession();
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
});
