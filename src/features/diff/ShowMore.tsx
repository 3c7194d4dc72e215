/**
 * Long lists render in steps: a diff can list 2,000 entries, and drawing
 * them all at once would hold the page for most of a second on a busy
 * machine. The first step is drawn at once; "show more" draws the next.
 */
import { useState, type ReactNode } from 'react';

export const RENDER_STEP = 200;

/** How many of `total` items to draw, and the button that draws more (null when all are drawn). */
export function useRenderLimit(total: number): { limit: number; more: ReactNode } {
  const [limit, setLimit] = useState(RENDER_STEP);
  if (total <= limit) return { limit, more: null };
  const next = Math.min(RENDER_STEP * 5, total - limit);
  return {
    limit,
    more: (
      <button type="button" className="diff-show-more" data-testid="diff-show-more" onClick={() => setLimit((l) => l + next)}>
        Show {next.toLocaleString('en-US')} more ({(total - limit).toLocaleString('en-US')} not shown)
      </button>
    ),
  };
}
