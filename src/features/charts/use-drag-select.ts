/**
 * Drag across the chart to pick seconds: press, move, release. A press and
 * release without moving a few pixels is a click (it falls through to the
 * series under the pointer), not a one-second window.
 *
 * The drag lives in a ref, not only in state: recharts may call a handler
 * from an earlier render, and a stale closure would miss the moves.
 */
import { useRef, useState, type MouseEvent } from 'react';
import type { MouseHandlerDataParam } from 'recharts';

const CLICK_SLOP_PX = 4;

/** The seconds under a drag in progress (both inclusive, in drag order). */
export interface DragRange {
  from: number;
  to: number;
}

interface Drag extends DragRange {
  startX: number;
}

type ChartMouseEvent = MouseEvent<SVGGraphicsElement>;

/** Handlers for a recharts chart, the range to draw while dragging, and whether the last release ended a drag. */
export function useDragSelect(secondAt: (index: number) => number | undefined, onSelect: (from: number, to: number) => void) {
  const [range, setRange] = useState<DragRange | null>(null);
  const drag = useRef<Drag | null>(null);
  const dragged = useRef(false);

  const secondOf = (state: MouseHandlerDataParam): number | undefined => {
    const index = Number(state.activeTooltipIndex);
    return Number.isInteger(index) ? secondAt(index) : undefined;
  };

  const finish = (event: ChartMouseEvent) => {
    const current = drag.current;
    if (current === null) return;
    drag.current = null;
    dragged.current = Math.abs(event.clientX - current.startX) > CLICK_SLOP_PX;
    if (dragged.current) onSelect(current.from, current.to);
    setRange(null);
  };

  return {
    range,
    /** True right after a release that ended a drag: the click that follows is not a series click. */
    wasDrag: () => dragged.current,
    onMouseDown(state: MouseHandlerDataParam, event: ChartMouseEvent) {
      dragged.current = false;
      const second = secondOf(state);
      if (second === undefined || event.button !== 0) return;
      // No band yet: drawn under the pointer, it would take the click from the series.
      drag.current = { from: second, to: second, startX: event.clientX };
    },
    onMouseMove(state: MouseHandlerDataParam) {
      const current = drag.current;
      const second = secondOf(state);
      if (current === null || second === undefined || second === current.to) return;
      current.to = second;
      setRange({ from: current.from, to: second });
    },
    onMouseUp(_state: MouseHandlerDataParam, event: ChartMouseEvent) {
      finish(event);
    },
    /** Leaving the chart mid-drag ends the drag at the edge (the newest second is at the right edge). */
    onMouseLeave(_state: MouseHandlerDataParam, event: ChartMouseEvent) {
      finish(event);
    },
  };
}
