import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWarrenStore } from '../store/index.ts';
import { syncFilterToUrl, URL_MIN_INTERVAL_MS } from './url-state.ts';

describe('syncFilterToUrl', () => {
  let href: string;
  const replaceState = vi.fn((_state: unknown, _unused: string, url: URL) => {
    href = url.href;
  });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    href = 'http://127.0.0.1:8080/?sub=%2Fexchange%2Fapp.events%2F%23';
    replaceState.mockClear();
    vi.stubGlobal('location', {
      get href() {
        return href;
      },
    });
    vi.stubGlobal('history', { state: null, replaceState });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('writes the text once after the keystrokes of one frame, and drops ?filter= when it is cleared', () => {
    const store = createWarrenStore();
    const stop = syncFilterToUrl(store);
    for (const text of ['o', 'or', 'orders.#']) store.getState().setFilterState(text, '');
    expect(replaceState).not.toHaveBeenCalled(); // not inside the keystroke's task
    vi.advanceTimersByTime(0); // no frames here (Node): the next task
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(new URL(href).searchParams.get('filter')).toBe('orders.#');
    expect(new URL(href).searchParams.get('sub')).toBe('/exchange/app.events/#');

    store.getState().setFilterState('', '');
    vi.advanceTimersByTime(URL_MIN_INTERVAL_MS);
    expect(replaceState).toHaveBeenCalledTimes(2);
    expect(new URL(href).searchParams.has('filter')).toBe(false);
    stop();
  });

  it('writes at most once per interval, the last text last', () => {
    const store = createWarrenStore();
    const stop = syncFilterToUrl(store);
    store.getState().setFilterState('a', '');
    vi.advanceTimersByTime(0);
    store.getState().setFilterState('ab', '');
    vi.advanceTimersByTime(10);
    store.getState().setFilterState('abc', '');
    vi.advanceTimersByTime(10);
    expect(replaceState).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(URL_MIN_INTERVAL_MS);
    expect(replaceState).toHaveBeenCalledTimes(2);
    expect(new URL(href).searchParams.get('filter')).toBe('abc');
    stop();
    store.getState().setFilterState('abcd', '');
    vi.advanceTimersByTime(1000);
    expect(replaceState).toHaveBeenCalledTimes(2);
  });
});
