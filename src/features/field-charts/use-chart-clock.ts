/**
 * The last second the field charts show: now, or the second the view was
 * paused at (the view owns pause, as for the rate charts). Checked every
 * TICK_MS while the page is visible; the charts re-render (one recharts
 * redraw each, their whole cost at rest) only when a value was added since
 * the last render, or every SLIDE_MS to move the time axis. So: one render
 * every 2 s under traffic (the rate charts' cadence, for the same reason: a
 * redraw is tens of ms of main thread), one every 6 s when nothing they
 * chart arrives, none while the page is hidden (no timer runs; shown again,
 * it catches up at once).
 */
import { useEffect, useState } from 'react';
import type { FieldCharts } from '../../fields/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';

const TICK_MS = 2000;
const SLIDE_MS = 6000;
/** After a second ends, wait this long so its late arrivals are in. */
const SETTLE_MS = 50;

const nowSecond = () => Math.floor(Date.now() / 1000);

export function useChartClock(charts: FieldCharts): number {
  const session = useSession();
  const paused = useWarrenStore((s) => s.paused);
  const [second, setSecond] = useState(nowSecond);
  useEffect(() => {
    if (paused) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let drawnVersion = Number.NaN;
    let drawnAt = 0;
    const stop = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const tick = (force: boolean) => {
      const version = charts.dataVersion;
      if (force || version !== drawnVersion || Date.now() - drawnAt >= SLIDE_MS) {
        drawnVersion = version;
        drawnAt = Date.now();
        setSecond(nowSecond());
      }
      timer = setTimeout(() => tick(false), TICK_MS - (Date.now() % TICK_MS) + SETTLE_MS);
    };
    const sync = () => {
      stop();
      if (document.visibilityState !== 'hidden') tick(true);
    };
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', sync);
    };
  }, [paused, charts]);
  const pausedAtMs = paused ? session.view.pausedAtMs : null;
  return pausedAtMs === null ? second : Math.floor(pausedAtMs / 1000);
}
