/**
 * The live trace table: virtualized rows read straight from the capture's
 * buffer by seq, in the view's row order, drawn by RowPainter (React draws
 * the table around them, not the rows). It re-renders when the published
 * `version` moves (the session publishes at most 10 times a second),
 * follows the tail until the user scrolls or moves the selection up, and
 * offers "jump to live" to follow again.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { NEUTRAL_COLOR, subscriptionColor, useMeasured, useSession, useWarrenStore } from '../../ui/index.ts';
import { COLUMNS } from './columns.ts';
import { selectRow, tableKeyHandler, TABLE_SHORTCUTS } from './keyboard.ts';
import { clickedSeq, RowPainter } from './row-painter.ts';
import { PROBE_TEXT, useColumnWidths } from './use-column-widths.ts';
import './pinned.css';

const ROW_HEIGHT = 24;
const OVERSCAN = 12;
/**
 * The virtualizer recomputes every item's offset whenever `count` changes:
 * O(rows) work and a fresh array each frame while messages stream in, 10+ ms
 * at a million rows. Rows all have one height, so it is given a capacity that
 * grows in powers of two instead (a recompute per doubling), the scroll
 * height comes from the real row count, and slots past the last row are
 * never scrolled to nor drawn.
 */
function virtualCapacity(rows: number): number {
  let capacity = 1024;
  while (capacity < rows) capacity *= 2;
  return capacity;
}

/** The scroller's height: how many rows fill the screen. */
const heightOf = (el: HTMLElement) => el.clientHeight;

export function MessageTable() {
  // Subscribing to version is what re-renders the table when rows move.
  const session = useSession();
  const { view, capture, store } = session;
  const version = useWarrenStore((s) => s.version);
  const rowCount = useWarrenStore((s) => s.rows);
  const selectedSeq = useWarrenStore((s) => s.selectedSeq);
  const following = useWarrenStore((s) => s.following);
  const pinnedSeq = useWarrenStore((s) => s.pinned?.seq ?? null);
  const setFollowing = useWarrenStore((s) => s.setFollowing);
  const subscriptions = useWarrenStore((s) => s.subscriptions);
  const colorOf = useMemo(() => new Map(subscriptions.map((s) => [s.id, subscriptionColor(s.number)])), [subscriptions]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const viewportHeight = useMeasured(scrollRef, heightOf, 0);
  // The columns, in characters of the rows' monospace font (column-text.ts).
  const { widths, headStyle, probeRef } = useColumnWidths(scrollRef);
  /** The row count of the last render: how many rows this one adds. */
  const lastRowCount = useRef(0);
  useLayoutEffect(() => {
    lastRowCount.current = rowCount;
  }, [rowCount]);
  // No React Compiler here, and the table re-renders on `version` by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    // Following, the rows are the tail (below), and the virtualizer would only
    // re-render the table once more for every scroll to the bottom.
    enabled: !following,
    count: virtualCapacity(rowCount),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // Scroll-driven range updates join the next render instead of a synchronous one.
    useFlushSync: false,
  });

  useEffect(() => {
    const onKey = tableKeyHandler(session);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  // Following, the rows to draw are the tail: known before the scroll happens.
  // Taking them from the virtualizer would draw the range of the last scroll
  // position first and the tail only on the render its scroll event causes.
  // The overscan above the screen is for a scroll up. When an update adds a
  // screenful or more (a flood, a glance's once a second: publish-cadence.ts),
  // every row drawn is new and those above were never on screen: a third of
  // the rows drawn, for nothing; a scroll up draws its range as it stops following.
  let first: number;
  let end: number;
  if (following) {
    end = rowCount;
    const onScreen = Math.ceil(viewportHeight / ROW_HEIGHT) + 1;
    const skipping = rowCount - lastRowCount.current >= onScreen;
    first = Math.max(0, end - onScreen - (skipping ? 0 : OVERSCAN));
  } else {
    const items = virtualizer.getVirtualItems();
    first = items[0]?.index ?? 0;
    end = Math.min(rowCount, (items[items.length - 1]?.index ?? -1) + 1);
  }
  // The rows themselves are drawn by RowPainter, outside React, before the
  // scroll below reads their layout (layout effects run in declaration order).
  const listRef = useRef<HTMLDivElement>(null);
  const painter = useRef<RowPainter | null>(null);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list === null) return;
    painter.current ??= new RowPainter(list);
    const buffer = capture.buffer;
    painter.current.paint({
      first,
      end,
      rowHeight: ROW_HEIGHT,
      seqAtRow: (index) => view.seqAtRow(index),
      gapAtRow: (index) => view.gapAtRow(index),
      messageOf: (seq) => buffer.get(seq),
      colorOf: (id) => colorOf.get(id) ?? NEUTRAL_COLOR,
      widths,
      selectedSeq,
      pinnedSeq,
    });
  });
  useEffect(
    () => () => {
      painter.current?.clear();
      painter.current = null;
    },
    [],
  );

  // Following: one scrollTop write per frame. scrollToIndex would read layout
  // (scrollHeight) and re-check on the next frame, forcing extra layouts per
  // frame while messages stream in; the browser clamps this to the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (following && el && rowCount > 0) el.scrollTop = rowCount * ROW_HEIGHT;
  }, [following, rowCount, version]);

  // Keep a keyboard-moved selection on screen.
  useLayoutEffect(() => {
    if (selectedSeq === null || following) return;
    const row = view.rowOfSeq(selectedSeq);
    if (row >= 0) virtualizer.scrollToIndex(row, { align: 'auto' });
  }, [selectedSeq, following, virtualizer, view]);

  // A plain click inspects the row (closing a diff); Ctrl/Cmd/Shift-click diffs it with the selected row.
  const onClick = useCallback(
    (event: MouseEvent) => {
      const seq = clickedSeq(event.target);
      if (seq !== null) selectRow(session, seq, event.ctrlKey || event.metaKey || event.shiftKey);
    },
    [session],
  );

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2;
    if (atBottom !== store.getState().following) setFollowing(atBottom);
  }, [store, setFollowing]);

  return (
    <div className="message-table" data-testid="message-table" data-following={following}>
      {/* Each row reads as its one line (a listbox's options: selectable, arrow keys move), so the header is for the eye only. */}
      <div className="table-head" aria-hidden="true" title={TABLE_SHORTCUTS} style={headStyle}>
        {COLUMNS.map((c, i) =>
          widths[i] === 0 ? null : (
            <span key={c.id} className={`cell-${c.id}`}>
              {c.title}
            </span>
          ),
        )}
      </div>
      <div className="table-frame">
        <span className="row-font-probe" ref={probeRef} aria-hidden="true">
          {PROBE_TEXT}
        </span>
        <div className="table-body" ref={scrollRef} onScroll={onScroll}>
          {rowCount === 0 && <p className="empty">No messages to show. They appear here as soon as a subscription delivers one that passes the filter.</p>}
          {/* Its children are RowPainter's, never React's. */}
          <div role="listbox" aria-label="Messages" ref={listRef} onClick={onClick} style={{ height: rowCount * ROW_HEIGHT, position: 'relative' }} />
        </div>
      </div>
      {!following && rowCount > 0 && (
        <button type="button" className="jump-live" data-testid="jump-to-live" onClick={() => setFollowing(true)}>
          ↓ Jump to live
        </button>
      )}
    </div>
  );
}
