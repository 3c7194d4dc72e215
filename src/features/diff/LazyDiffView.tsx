import { lazy, Suspense } from 'react';
import type { TracedMessage } from '../../model/index.ts';

// jsondiffpatch and diff are a fifth of the main chunk, and only a diff needs them.
const DiffView = lazy(() => import('./DiffView.tsx').then((m) => ({ default: m.DiffView })));

/** The diff view, loaded as its own chunk the first time a diff opens. */
export function LazyDiffView({ left, right }: { left: TracedMessage; right: TracedMessage }) {
  return (
    <Suspense
      fallback={
        <aside className="inspector diff-view" aria-label="Message diff" aria-busy="true">
          <p className="hint">Loading the diff…</p>
        </aside>
      }
    >
      <DiffView left={left} right={right} />
    </Suspense>
  );
}
