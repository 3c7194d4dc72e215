import { useShallow } from 'zustand/react/shallow';
import { useViewStore } from '../../store/index.ts';

const format = (n: number) => n.toLocaleString('en-US');

/** Received, visible (after filter), buffered while paused, dropped by capacity: always on screen. */
export function Counters() {
  const c = useViewStore(
    useShallow((s) => ({ received: s.received, visible: s.visible, buffered: s.bufferedWhilePaused, dropped: s.dropped })),
  );
  return (
    <dl className="counters">
      <div>
        <dt>received</dt>
        <dd data-testid="received-count" data-value={c.received}>{format(c.received)}</dd>
      </div>
      <div>
        <dt>visible</dt>
        <dd data-testid="visible-count" data-value={c.visible}>{format(c.visible)}</dd>
      </div>
      <div>
        <dt>new while paused</dt>
        <dd data-testid="buffered-count" data-value={c.buffered}>{format(c.buffered)}</dd>
      </div>
      <div title="Evicted from the buffer by its capacity">
        <dt>dropped</dt>
        <dd data-testid="dropped-count" data-value={c.dropped}>{format(c.dropped)}</dd>
      </div>
    </dl>
  );
}
