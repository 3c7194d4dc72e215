/**
 * Input answered under load: how long from a user's input to the next frame
 * painted after it, read by the browser itself (Event Timing: an entry's
 * `duration` runs from the input's timestamp to the paint after its
 * handlers, rounded to 8 ms). Two inputs, dispatched over CDP as real ones:
 * - a keystroke in the filter box (alternately `#` and Backspace: every
 *   message matches either way, so the table keeps following and the
 *   keystroke's cost is the re-filter and its render, not an empty table);
 * - a click on a row, which opens the inspector on it.
 * The browser reports only entries of 16 ms or more; an input without one
 * took less, and is counted as 16 ms (an upper bound).
 */
import type { CdpPage } from './cdp.ts';
import { distribution, sleep, type Distribution } from './stats.ts';

/** Runs in the page before its scripts, with the frame recorder: keeps every Event Timing entry of 16 ms or more. */
export const EVENT_TIMING_RECORDER = `(() => {
  const events = (window.__benchEvents = []);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.interactionId) events.push([e.interactionId, e.name, e.startTime, e.duration, e.processingStart - e.startTime, e.processingEnd - e.processingStart]);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
})();`;

export interface InputLatency {
  /** Keystroke → next paint, ms, one per keystroke. */
  keystroke: Distribution;
  /** Row click → inspector painted, ms, one per click. */
  click: Distribution;
  /** Inputs the browser reported no entry for (under 16 ms, counted as 16). */
  under16: number;
  /**
   * Of the reported entries (16 ms or more), where the time went, medians, ms:
   * waiting for the main thread (input delay), the handlers, and from the
   * handlers to the paint (rendering, and frames already under way).
   */
  parts: InputParts;
  /** The same for the slowest tenth of the reported inputs: what the p95 is made of. */
  slowestParts: InputParts;
}

/** Medians, ms: waiting for the main thread, the handlers, and from them to the paint. */
export interface InputParts {
  inputDelay: number;
  handlers: number;
  toPaint: number;
}

function partsOf(entries: readonly { ms: number; delay: number; handlers: number }[]): InputParts {
  return {
    inputDelay: distribution(entries.map((e) => e.delay)).p50,
    handlers: distribution(entries.map((e) => e.handlers)).p50,
    toPaint: distribution(entries.map((e) => Math.max(0, e.ms - e.delay - e.handlers))).p50,
  };
}

const KEYS = [
  { key: '#', code: 'Digit3', text: '#', windowsVirtualKeyCode: 51 },
  { key: 'Backspace', code: 'Backspace', text: '', windowsVirtualKeyCode: 8 },
];

async function press(page: CdpPage, k: (typeof KEYS)[number]): Promise<void> {
  await page.send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', key: k.key, code: k.code, text: k.text, windowsVirtualKeyCode: k.windowsVirtualKeyCode });
  await page.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.windowsVirtualKeyCode });
}

/** Where to click: the middle of a row a few rows above the newest one drawn. */
const ROW_POINT = `(() => {
  const rows = [...document.querySelectorAll('[data-testid="message-row"]')];
  const body = document.querySelector('.table-body').getBoundingClientRect();
  const visible = rows.map((r) => r.getBoundingClientRect()).filter((b) => b.top >= body.top && b.bottom <= body.bottom).sort((a, b) => a.top - b.top);
  const b = visible[Math.max(0, visible.length - 6)];
  return b ? [b.left + b.width / 2, b.top + b.height / 2] : null;
})()`;

/**
 * Makes up to `inputs` inputs, alternating keystrokes and row clicks, `gapMs`
 * apart, while the caller keeps the page under load (and until `stop()` says
 * the load is over); returns the latencies.
 */
export async function measureInputLatency(page: CdpPage, inputs: number, gapMs: number, stop: () => boolean = () => false): Promise<InputLatency> {
  const from = await page.evaluate<number>('performance.now()');
  let keystrokes = 0;
  let clicks = 0;
  for (let i = 0; i < inputs && !stop(); i++) {
    if (i % 2 === 0) {
      await page.evaluate(`document.querySelector('[data-testid="filter-input"]').focus()`);
      const k = KEYS[keystrokes % KEYS.length];
      if (k) await press(page, k);
      keystrokes++;
    } else {
      const point = await page.evaluate<[number, number] | null>(ROW_POINT);
      if (point) {
        const [x, y] = point;
        await page.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
        await page.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
        clicks++;
      }
    }
    await sleep(gapMs);
  }
  // Entries are queued until the frame after the input is painted.
  await sleep(500);
  const events = await page.evaluate<[number, string, number, number, number, number][]>(`window.__benchEvents.filter(([, , start]) => start >= ${from})`);
  // An interaction (keydown, input, keyup; pointerdown, pointerup, click) is
  // as long as its longest event (the first, to the same paint); its
  // handlers are all of its events' handlers (the input event's re-filters).
  const byInteraction = new Map<number, { kind: 'key' | 'click'; ms: number; delay: number; handlers: number }>();
  for (const [id, name, , duration, delay, handlers] of events) {
    const kind = name.startsWith('key') || name === 'input' || name === 'beforeinput' ? 'key' : 'click';
    const cur = byInteraction.get(id) ?? { kind, ms: 0, delay, handlers: 0 };
    if (duration > cur.ms) {
      cur.ms = duration;
      cur.delay = delay;
    }
    cur.handlers += handlers;
    byInteraction.set(id, cur);
  }
  const all = [...byInteraction.values()];
  const slowest = [...all].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(all.length / 10)));
  const of = (kind: 'key' | 'click', count: number) => {
    const seen = [...byInteraction.values()].filter((e) => e.kind === kind).map((e) => e.ms);
    return { values: [...seen, ...new Array<number>(Math.max(0, count - seen.length)).fill(16)], missing: Math.max(0, count - seen.length) };
  };
  const key = of('key', keystrokes);
  const click = of('click', clicks);
  return { keystroke: distribution(key.values), click: distribution(click.values), under16: key.missing + click.missing, parts: partsOf(all), slowestParts: partsOf(slowest) };
}
