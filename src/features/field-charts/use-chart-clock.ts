/**
 * The last second the field charts show: now, moved every REFRESH_MS while
 * the page is visible, or the second the view was paused at (the view owns
 * pause, as for the rate charts). A hidden page runs no timer at all; shown
 * again, it catches up at once. Each move is one render of the open charts,
 * so this is their whole cost at rest: at most one render a second.
 */
import { useEffect, useState } from 'react';
import { useSession, useWarrenStore } from '../../ui/index.ts';

const REFRESH_MS = 1000;
/** After a second ends, wait this long so its late arrivals are in. */
const SETTLE_MS = 50;

const nowSecond = () => Math.floor(Date.now() / 1000);

export function useChartClock(): number {
  const session = useSession();
  const paused = useWarrenStore((s) => s.paused);
  const [second, setSecond] = useState(nowSecond);
  useEffect(() => {
    if (paused) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const tick = () => {
      setSecond(nowSecond());
      timer = setTimeout(tick, REFRESH_MS - (Date.now() % REFRESH_MS) + SETTLE_MS);
    };
    const sync = () => {
      stop();
      if (document.visibilityState !== 'hidden') tick();
    };
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', sync);
    };
  }, [paused]);
  const pausedAtMs = paused ? session.view.pausedAtMs : null;
  return pausedAtMs === null ? second : Math.floor(pausedAtMs / 1000);
}
