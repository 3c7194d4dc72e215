/**
 * The table's rows, drawn into its list element without React: a row is
 * made once, when it first comes on screen, and only its selection marks
 * change after that.
 *
 * Why not React components: at rest (50 msg/s, four updates a second) React
 * reconciling ~40 memoized rows, creating a dozen new ones and committing
 * them cost about as much main thread as Blink laying them out: ~3 ms an
 * update, a third of the page's busy time with the charts collapsed
 * (bench/rest-trace.ts; README, Performance). A row is one line of text in
 * a few nodes (rowRuns), made here from a template in a few DOM calls.
 *
 * A row is kept by its index in the view, as React kept it by key: an
 * index that shows another message or gap (a re-filter, a column resize)
 * gets a new element rather than new text in the old one. Reusing the row
 * that scrolls out for the one coming in measured worse when React drew the
 * rows (main thread +5 %, layout +15 %, synthetic frames at 2,000 msg/s):
 * Blink re-lays out a row whose text changed at more cost than it lays out
 * a new one. Elements stay in index order, so the list reads in order and
 * `nth()` means what it says.
 */
import type { SequenceGap } from '../../capture/index.ts';
import type { TracedMessage } from '../../model/index.ts';
import { formatCount } from '../../ui/index.ts';
import { fitColumn, rowRuns } from './column-text.ts';

/** Everything one paint reads: the rows [first, end) of the view, and how to draw them. */
export interface RowFrame {
  first: number;
  end: number;
  rowHeight: number;
  /** A message row's seq, or a negative number where the row is a gap marker. */
  seqAtRow(index: number): number;
  gapAtRow(index: number): SequenceGap | undefined;
  /** The retained message, undefined once evicted. */
  messageOf(seq: number): TracedMessage | undefined;
  /** The tag colour of a subscription. */
  colorOf(subscriptionId: string): string;
  /** Each column's width in characters, 0 when dropped (columnWidths); a new array when they change. */
  widths: readonly number[];
  selectedSeq: number | null;
  pinnedSeq: number | null;
}

/** What a drawn row shows: what decides whether it must be made anew. */
interface DrawnRow {
  el: HTMLDivElement;
  seq: number;
  message: TracedMessage | undefined;
  gap: SequenceGap | undefined;
  color: string;
  widths: readonly number[];
  selected: boolean;
  pinned: boolean;
}

const PIN_TITLE = 'Pinned for diff (p unpins; select another row and press d to diff)';
const GAP_TITLE =
  "The broker never delivered these: a subscription without durable capture was disconnected, or the mirror's bounded queue dropped its oldest messages while the page fell behind.";

/** The seq a click landed on, or null: gap markers and evicted rows are not selectable. */
export function clickedSeq(target: EventTarget | null): number | null {
  const row = target instanceof Element ? target.closest('[data-testid="message-row"]') : null;
  if (row === null || row.getAttribute('aria-disabled') === 'true') return null;
  const seq = Number(row.getAttribute('data-seq') ?? Number.NaN);
  return Number.isInteger(seq) ? seq : null;
}

export class RowPainter {
  private readonly drawn = new Map<number, DrawnRow>();
  private readonly template: HTMLDivElement;

  constructor(private readonly list: HTMLElement) {
    const template = list.ownerDocument.createElement('div');
    template.setAttribute('role', 'option');
    this.template = template;
  }

  paint(frame: RowFrame): void {
    const { first, end } = frame;
    for (const [index, row] of this.drawn) {
      if (index < first || index >= end) {
        row.el.remove();
        this.drawn.delete(index);
      }
    }
    let previous: Element | null = null;
    for (let index = first; index < end; index++) {
      const el = this.rowAt(index, frame);
      const expected: ChildNode | null = previous === null ? this.list.firstChild : previous.nextSibling;
      if (el !== expected) this.list.insertBefore(el, expected);
      previous = el;
    }
  }

  /** Forgets every row (the list element is going away). */
  clear(): void {
    for (const row of this.drawn.values()) row.el.remove();
    this.drawn.clear();
  }

  /** The element for row `index`: the one drawn, its marks brought up to date, or a new one in its place. */
  private rowAt(index: number, frame: RowFrame): HTMLDivElement {
    const seq = frame.seqAtRow(index);
    const gap = seq < 0 ? frame.gapAtRow(index) : undefined;
    const message = gap === undefined ? frame.messageOf(seq) : undefined;
    const color = frame.colorOf(gap !== undefined ? gap.subscriptionId : (message?.subscriptionId ?? ''));
    const selected = message !== undefined && seq === frame.selectedSeq;
    const pinned = message !== undefined && seq === frame.pinnedSeq;
    const row = this.drawn.get(index);
    if (row !== undefined && row.seq === seq && row.gap === gap && row.message === message && row.color === color && row.widths === frame.widths) {
      if (row.selected !== selected || row.pinned !== pinned) markSelection(row.el, selected, pinned);
      row.selected = selected;
      row.pinned = pinned;
      return row.el;
    }
    const el = this.template.cloneNode(false) as HTMLDivElement;
    const style = el.style;
    style.top = `${index * frame.rowHeight}px`;
    style.height = `${frame.rowHeight}px`;
    if (gap !== undefined) drawGap(el, gap, color);
    else if (message === undefined) drawEvicted(el, seq, frame.widths);
    else drawMessage(el, seq, message, color, frame.widths, selected, pinned);
    row?.el.remove();
    this.drawn.set(index, { el, seq, message, gap, color, widths: frame.widths, selected, pinned });
    return el;
  }
}

function drawMessage(el: HTMLDivElement, seq: number, message: TracedMessage, color: string, widths: readonly number[], selected: boolean, pinned: boolean): void {
  el.setAttribute('data-testid', 'message-row');
  el.setAttribute('data-seq', String(seq));
  el.setAttribute('data-routing-key', message.routingKey);
  el.setAttribute('data-warren-seq', String(message.warrenSeq));
  el.style.borderLeftColor = color;
  markSelection(el, selected, pinned);
  // Even runs plain text, odd ones muted (rowRuns); text nodes, never markup.
  const runs = rowRuns(message, widths);
  for (let i = 0; i < runs.length; i++) {
    const text = runs[i] ?? '';
    if (i % 2 === 0) {
      if (text !== '') el.append(text);
    } else {
      const span = el.ownerDocument.createElement('span');
      span.className = 'cell-muted';
      span.textContent = text;
      el.append(span);
    }
  }
}

function markSelection(el: HTMLDivElement, selected: boolean, pinned: boolean): void {
  el.className = `row${selected ? ' selected' : ''}${pinned ? ' pinned' : ''}`;
  el.setAttribute('aria-selected', String(selected));
  if (pinned) {
    el.setAttribute('data-pinned', 'true');
    el.title = PIN_TITLE;
  } else if (el.hasAttribute('data-pinned')) {
    el.removeAttribute('data-pinned');
    el.removeAttribute('title');
  }
}

/** A message evicted while the view was paused. */
function drawEvicted(el: HTMLDivElement, seq: number, widths: readonly number[]): void {
  el.className = 'row evicted';
  el.setAttribute('aria-selected', 'false');
  el.setAttribute('aria-disabled', 'true');
  el.setAttribute('data-testid', 'message-row');
  el.setAttribute('data-seq', String(seq));
  el.textContent = `${fitColumn(String(seq), widths[0] ?? 0, true)}evicted from the buffer`;
}

/**
 * A marker where a subscription's x-warren-seq jumps: the broker never
 * delivered those messages (a non-durable subscription was away, or the
 * mirror's bounded queue dropped its oldest for a slow page).
 */
function drawGap(el: HTMLDivElement, gap: SequenceGap, color: string): void {
  el.className = 'row gap';
  el.setAttribute('aria-selected', 'false');
  el.setAttribute('aria-disabled', 'true');
  el.setAttribute('data-testid', 'gap-row');
  el.setAttribute('data-missing', String(gap.missing));
  el.setAttribute('data-anchor-seq', String(gap.anchorSeq));
  el.style.borderLeftColor = color;
  el.title = GAP_TITLE;
  const text = el.ownerDocument.createElement('span');
  text.className = 'gap-text';
  text.textContent = `⚠ ${formatCount(gap.missing)} ${gap.missing === 1 ? 'message' : 'messages'} missing here: x-warren-seq jumps from ${formatCount(gap.lastBefore)} to ${formatCount(gap.firstAfter)}`;
  el.append(text);
}
