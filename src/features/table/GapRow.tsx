import { memo } from 'react';
import type { SequenceGap } from '../../capture/index.ts';
import { formatCount as format } from '../../ui/index.ts';

interface Props {
  gap: SequenceGap;
  /** The tag colour of the gap's subscription. */
  color: string;
  top: number;
  height: number;
}

/**
 * A marker where a subscription's x-warren-seq jumps: the broker never
 * delivered those messages (a non-durable subscription was away, or the
 * mirror's bounded queue dropped its oldest for a slow page).
 */
export const GapRow = memo(function GapRow({ gap, color, top, height }: Props) {
  return (
    <div
      className="row gap"
      role="option"
      aria-selected={false}
      aria-disabled={true}
      data-testid="gap-row"
      data-missing={gap.missing}
      data-anchor-seq={gap.anchorSeq}
      style={{ top, height, borderLeftColor: color }}
      title="The broker never delivered these: a subscription without durable capture was disconnected, or the mirror's bounded queue dropped its oldest messages while the page fell behind."
    >
      <span className="gap-text">
        ⚠ {format(gap.missing)} {gap.missing === 1 ? 'message' : 'messages'} missing here: x-warren-seq jumps from{' '}
        {format(gap.lastBefore)} to {format(gap.firstAfter)}
      </span>
    </div>
  );
});
