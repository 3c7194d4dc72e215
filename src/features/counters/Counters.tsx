import { useShallow } from 'zustand/react/shallow';
import { formatCount as format, useWarrenStore } from '../../ui/index.ts';

/**
 * Received, visible (after filter), buffered while paused, dropped by
 * capacity: always on screen. Missing (numbers the broker never delivered,
 * from x-warren-seq gaps) shows once there is any.
 */
export function Counters() {
  const c = useWarrenStore(
    useShallow((s) => ({ received: s.received, visible: s.visible, buffered: s.bufferedWhilePaused, dropped: s.dropped, missing: s.missing, filter: s.filter })),
  );
  return (
    <dl className="counters">
      <div>
        <dt>received</dt>
        <dd data-testid="received-count" data-value={c.received}>{format(c.received)}</dd>
      </div>
      <div>
        <dt>visible</dt>
        <dd data-testid="visible-count" data-value={c.visible} data-filter={c.filter}>{format(c.visible)}</dd>
      </div>
      <div>
        <dt>new while paused</dt>
        <dd data-testid="buffered-count" data-value={c.buffered}>{format(c.buffered)}</dd>
      </div>
      <div title="Evicted from the buffer by its capacity">
        <dt>dropped</dt>
        <dd data-testid="dropped-count" data-value={c.dropped}>{format(c.dropped)}</dd>
      </div>
      {c.missing > 0 && (
        <div className="missing" title="Never delivered by the broker: gaps in x-warren-seq (see the marker rows in the table)">
          <dt>missing</dt>
          <dd data-testid="missing-count" data-value={c.missing}>{format(c.missing)}</dd>
        </div>
      )}
    </dl>
  );
}
