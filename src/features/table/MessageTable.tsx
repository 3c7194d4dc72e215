/**
 * The live trace table: virtualized rows read straight from the ingest buffer
 * by seq. It re-renders when the view store's `version` moves (at most once
 * per animation frame), follows the tail until the user scrolls or moves the
 * selection up, and offers "jump to live" to follow again.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { ingest } from '../../app/trace-session.ts';
import { openInspector, setFollowing, useViewStore } from '../../store/index.ts';
import { COLUMNS, GRID_TEMPLATE } from './columns.ts';
import { handleTableKey } from './keyboard.ts';
import { GapRow } from './GapRow.tsx';
import { MessageRow } from './MessageRow.tsx';

const ROW_HEIGHT = 24;

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

export function MessageTable() {
  // Subscribing to version is what re-renders the table when rows move.
  const version = useViewStore((s) => s.version);
  const rowCount = useViewStore((s) => s.rows);
  const selectedSeq = useViewStore((s) => s.selectedSeq);
  const following = useViewStore((s) => s.following);
  const scrollRef = useRef<HTMLDivElement>(null);

  // No React Compiler here, and the table re-renders on `version` by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtualCapacity(rowCount),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Scroll-driven range updates join the next render instead of a synchronous one.
    useFlushSync: false,
  });

  useEffect(() => {
    window.addEventListener('keydown', handleTableKey);
    return () => window.removeEventListener('keydown', handleTableKey);
  }, []);

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
    const row = ingest.tableRowOfSeq(selectedSeq);
    if (row >= 0) virtualizer.scrollToIndex(row, { align: 'auto' });
  }, [selectedSeq, following, virtualizer]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2;
    if (atBottom !== useViewStore.getState().following) setFollowing(atBottom);
  }, []);

  return (
    <div className="message-table" data-testid="message-table" role="grid" aria-rowcount={rowCount} data-following={following}>
      <div className="table-head" role="row" style={{ gridTemplateColumns: GRID_TEMPLATE }}>
        <span />
        {COLUMNS.map((c) => (
          <span key={c.id} role="columnheader" className={`cell-${c.id}`}>
            {c.title}
          </span>
        ))}
      </div>
      <div className="table-body" ref={scrollRef} onScroll={onScroll}>
        {rowCount === 0 && <p className="empty">No messages to show. They appear here as soon as a subscription delivers one that passes the filter.</p>}
        <div style={{ height: rowCount * ROW_HEIGHT, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            if (item.index >= rowCount) return null;
            const seq = ingest.seqAtTableRow(item.index);
            const gap = seq < 0 ? ingest.gapAtTableRow(item.index) : undefined;
            if (gap) return <GapRow key={`gap-${gap.anchorSeq}`} gap={gap} top={item.start} height={ROW_HEIGHT} />;
            return (
              <MessageRow
                key={seq}
                seq={seq}
                message={ingest.buffer.get(seq)}
                top={item.start}
                height={ROW_HEIGHT}
                selected={seq === selectedSeq}
                onSelect={openInspector}
              />
            );
          })}
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
