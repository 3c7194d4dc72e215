import { bodyPreview, type TracedMessage } from '../../model/index.ts';
import { formatBytes } from '../../ui/index.ts';

/** Local wall-clock time with milliseconds: what an operator correlates with logs. */
export function formatTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export interface Column {
  id: string;
  title: string;
  /** Characters of the row font: a fixed width, or a share (`fr`) of what the fixed columns leave, never under `min`. */
  width: { chars: number } | { fr: number; min: number };
  /** Numbers read right-aligned. */
  right?: boolean;
  /** Read in the muted colour (what the eye skips: the time, the preview). */
  muted?: boolean;
  /** On a row too narrow for every column at its minimum, columns with a `drop` go, the lowest first; the others always stay. */
  drop?: number;
  cell(m: TracedMessage): string;
}

/** The table's columns; every cell is plain text (rendered as a text node, never HTML). */
export const COLUMNS: readonly Column[] = [
  { id: 'seq', title: '#', width: { chars: 8 }, right: true, cell: (m) => String(m.seq) },
  { id: 'time', title: 'time', width: { chars: 12 }, muted: true, drop: 4, cell: (m) => formatTime(m.receivedAt) },
  { id: 'exchange', title: 'exchange', width: { chars: 14 }, drop: 2, cell: (m) => (m.exchange === '' ? '(default)' : m.exchange) },
  { id: 'key', title: 'routing key', width: { fr: 1.2, min: 18 }, cell: (m) => m.routingKey },
  { id: 'size', title: 'size', width: { chars: 9 }, right: true, drop: 3, cell: (m) => formatBytes(m.size) },
  { id: 'type', title: 'content type', width: { chars: 16 }, drop: 0, cell: (m) => m.contentType },
  { id: 'task', title: 'task / correlation', width: { fr: 1, min: 14 }, drop: 1, cell: (m) => m.taskName || m.correlationId },
  { id: 'preview', title: 'preview', width: { fr: 2, min: 20 }, muted: true, cell: (m) => bodyPreview(m) },
];

/** Spaces after each column's text. */
export const COLUMN_GAP = 1;

/** Characters a column takes at its narrowest, its gap included. */
const minChars = (c: Column) => ('chars' in c.width ? c.width.chars : c.width.min) + COLUMN_GAP;

/**
 * Each column's width in characters for a row `total` characters wide:
 * the fixed ones as they are, the rest shared by `fr` (the last flexible
 * column takes what rounding leaves), each at least its `min`. On a row too
 * narrow for them all (the inspector open beside a small window), columns
 * with a `drop` go, the lowest first, until the rest fit: a dropped column
 * is 0 wide and not drawn. A row narrower than what always stays overflows,
 * clipped at its end.
 */
export function columnWidths(total: number, columns: readonly Column[] = COLUMNS): number[] {
  const kept = columns.map(() => true);
  let needed = columns.reduce((n, c) => n + minChars(c), 0);
  const droppable = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.drop !== undefined);
  droppable.sort((a, b) => (a.c.drop ?? 0) - (b.c.drop ?? 0));
  for (const { c, i } of droppable) {
    if (needed <= total) break;
    kept[i] = false;
    needed -= minChars(c);
  }
  const widths = columns.map((c, i) => (!kept[i] ? 0 : 'chars' in c.width ? c.width.chars : -1));
  const fixed = columns.reduce((n, c, i) => n + (kept[i] ? COLUMN_GAP + ('chars' in c.width ? c.width.chars : 0) : 0), 0);
  // As a grid shares `minmax(min, fr)` tracks: a column whose share would be under its minimum
  // takes its minimum, and the others share what is left.
  let room = Math.max(0, Math.floor(total) - fixed);
  let flexible = columns.flatMap((c, i) => (kept[i] && 'fr' in c.width ? [{ i, fr: c.width.fr, min: c.width.min }] : []));
  for (;;) {
    const fr = flexible.reduce((n, f) => n + f.fr, 0);
    const under = flexible.filter((f) => f.min > (room * f.fr) / fr);
    if (under.length === 0) break;
    for (const f of under) {
      widths[f.i] = f.min;
      room -= f.min;
    }
    flexible = flexible.filter((f) => !under.includes(f));
  }
  const fr = flexible.reduce((n, f) => n + f.fr, 0);
  let left = room;
  for (const f of flexible) {
    widths[f.i] = Math.floor((room * f.fr) / fr);
    left -= widths[f.i] ?? 0;
  }
  // What rounding left goes to the last column that shared.
  const last = flexible[flexible.length - 1];
  if (last !== undefined) widths[last.i] = (widths[last.i] ?? 0) + Math.max(0, left);
  return widths;
}
