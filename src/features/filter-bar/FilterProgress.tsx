import { useCallback, useSyncExternalStore } from 'react';
import type { TraceView } from '../../view/index.ts';

/** A re-filter shorter than this shows nothing: a flash of "filtering" reads as flicker. */
const SHOW_AFTER_MS = 200;

/** Percent done of a sliced re-filter running for more than SHOW_AFTER_MS, else -1. */
function percentShown(view: TraceView): number {
  const progress = view.refilterProgress;
  if (progress === null || performance.now() - progress.startedAt < SHOW_AFTER_MS) return -1;
  return Math.min(99, Math.floor((100 * progress.done) / Math.max(1, progress.total)));
}

/**
 * "Filtering… 45%" while a filter that decodes bodies re-reads what is
 * retained (the previous rows stay until it ends; the page stays usable).
 */
export function FilterProgress({ view }: { view: TraceView }) {
  const subscribe = useCallback((listener: () => void) => view.onRefilterProgress(listener), [view]);
  const percent = useSyncExternalStore(subscribe, () => percentShown(view));
  if (percent < 0) return null;
  return (
    <span className="filter-progress hint" role="status" data-testid="filter-progress" data-value={percent}>
      filtering… {percent}%
    </span>
  );
}
