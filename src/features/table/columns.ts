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
  width: string;
  cell(m: TracedMessage): string;
}

/** The table's columns; every cell is plain text (rendered as a text node, never HTML). */
export const COLUMNS: Column[] = [
  { id: 'seq', title: '#', width: '70px', cell: (m) => String(m.seq) },
  { id: 'time', title: 'time', width: '100px', cell: (m) => formatTime(m.receivedAt) },
  { id: 'exchange', title: 'exchange', width: '110px', cell: (m) => (m.exchange === '' ? '(default)' : m.exchange) },
  { id: 'key', title: 'routing key', width: 'minmax(140px, 1.2fr)', cell: (m) => m.routingKey },
  { id: 'size', title: 'size', width: '70px', cell: (m) => formatBytes(m.size) },
  { id: 'type', title: 'content type', width: '130px', cell: (m) => m.contentType },
  { id: 'task', title: 'task / correlation', width: 'minmax(120px, 1fr)', cell: (m) => m.taskName || m.correlationId },
  { id: 'preview', title: 'preview', width: 'minmax(160px, 2fr)', cell: (m) => bodyPreview(m) },
];

export const GRID_TEMPLATE = `6px ${COLUMNS.map((c) => c.width).join(' ')}`;
