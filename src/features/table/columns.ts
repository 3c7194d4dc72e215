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
  cell(m: TracedMessage): string;
}

/** The table's columns; every cell is plain text (rendered as a text node, never HTML). */
export const COLUMNS: readonly Column[] = [
  { id: 'seq', title: '#', width: { chars: 8 }, right: true, cell: (m) => String(m.seq) },
  { id: 'time', title: 'time', width: { chars: 12 }, cell: (m) => formatTime(m.receivedAt) },
  { id: 'exchange', title: 'exchange', width: { chars: 14 }, cell: (m) => (m.exchange === '' ? '(default)' : m.exchange) },
  { id: 'key', title: 'routing key', width: { fr: 1.2, min: 18 }, cell: (m) => m.routingKey },
  { id: 'size', title: 'size', width: { chars: 9 }, right: true, cell: (m) => formatBytes(m.size) },
  { id: 'type', title: 'content type', width: { chars: 16 }, cell: (m) => m.contentType },
  { id: 'task', title: 'task / correlation', width: { fr: 1, min: 14 }, cell: (m) => m.taskName || m.correlationId },
  { id: 'preview', title: 'preview', width: { fr: 2, min: 20 }, cell: (m) => bodyPreview(m) },
];

/** Spaces after each column's text. */
export const COLUMN_GAP = 1;

/**
 * Each column's width in characters for a row `total` characters wide:
 * the fixed ones as they are, the rest shared by `fr` (the last flexible
 * column takes what rounding leaves), each at least its `min`. A row
 * narrower than the sum of the minimums overflows, clipped at its end.
 */
export function columnWidths(total: number, columns: readonly Column[] = COLUMNS): number[] {
  let fixed = 0;
  let fr = 0;
  for (const c of columns) {
    fixed += COLUMN_GAP;
    if ('chars' in c.width) fixed += c.width.chars;
    else fr += c.width.fr;
  }
  const room = Math.max(0, Math.floor(total) - fixed);
  let left = room;
  let lastFlexible = -1;
  const widths = columns.map((c, i) => {
    if ('chars' in c.width) return c.width.chars;
    lastFlexible = i;
    const share = Math.max(c.width.min, Math.floor((room * c.width.fr) / fr));
    left -= share;
    return share;
  });
  if (lastFlexible >= 0 && left > 0) widths[lastFlexible] = (widths[lastFlexible] ?? 0) + left;
  return widths;
}
