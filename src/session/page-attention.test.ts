import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPageAttention } from './page-attention.ts';

/** A window and a root element whose listeners the test fires. */
function stubPage(focused: boolean) {
  const listeners = new Map<string, Set<() => void>>();
  const target = {
    addEventListener: (type: string, l: () => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(l)),
    removeEventListener: (type: string, l: () => void) => listeners.get(type)?.delete(l),
  };
  vi.stubGlobal('window', target);
  vi.stubGlobal('document', { hasFocus: () => focused, documentElement: target });
  return (type: string) => {
    for (const l of listeners.get(type) ?? []) l();
  };
}

describe('watchPageAttention', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is attended while the window has focus or the pointer is over the page, and says so only on a change', () => {
    const fire = stubPage(true);
    const seen: boolean[] = [];
    const stop = watchPageAttention((attended) => seen.push(attended));
    fire('pointerenter'); // focused already: no change
    fire('blur'); // the pointer is still over the page
    fire('pointerleave');
    fire('pointerenter');
    fire('focus');
    fire('pointerleave');
    fire('blur');
    expect(seen).toEqual([false, true, false]);
    stop();
    fire('focus');
    expect(seen).toEqual([false, true, false]); // unsubscribed
  });

  it('starts from document.hasFocus(), with the pointer taken to be elsewhere', () => {
    const fire = stubPage(false);
    const seen: boolean[] = [];
    watchPageAttention((attended) => seen.push(attended));
    fire('pointerleave');
    fire('pointerenter');
    expect(seen).toEqual([true]);
  });
});
