/**
 * A cell's text fitted to its column, in characters of the table's monospace
 * font: cut with an ellipsis when longer, padded with spaces when shorter,
 * so a row is one line of plain inline text and its columns line up with
 * no box per cell.
 *
 * Why not a grid of clipped cells: each cell with its own overflow clip and
 * ellipsis is a box Blink lays out, clips and paints on its own, for every
 * new row. On the bare-DOM floor (bench/row-floor.ts, 50 msg/s in four
 * updates a second) the grid's rows cost 4.2-5.7 % of the main thread and
 * the same rows as inline text 2.5-3.1 %.
 *
 * What a monospace font cannot promise: characters of East Asian scripts
 * and emoji take two columns, combining marks none; both are counted so.
 * A glyph the font lacks comes from a fallback font whose width may differ
 * slightly, which moves the rest of that one row by a few pixels. Control
 * characters would break the line: each shows as `·`.
 */

import type { TracedMessage } from '../../model/index.ts';
import { COLUMNS, type Column } from './columns.ts';

export const ELLIPSIS = '…';
/** What a control character (C0, DEL, C1) shows as. */
export const CONTROL_MARK = '·';

/** Columns a code point takes: 0 (combining, zero-width), 1, or 2 (wide). */
export function columnsOf(cp: number): number {
  if (cp < 0x300) return 1;
  if (cp <= 0x36f || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f)) return 0;
  if (cp < 0x1100) return 1;
  if (
    cp <= 0x115f ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);

/** Printable ASCII only: one column a character, nothing to replace (nearly every key and header). */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** Columns `text` takes, control characters counted as their mark. */
function columnsOfText(text: string): number {
  let used = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    used += isControl(cp) ? 1 : columnsOf(cp);
  }
  return used;
}

/**
 * `text` in exactly `width` columns and then `gap` spaces: left-aligned, or
 * right-aligned (`right`); cut to `width − 1` columns and an ellipsis when
 * it does not fit.
 */
export function fitColumn(text: string, width: number, right = false, gap = 1): string {
  const after = ' '.repeat(Math.max(0, gap));
  if (width <= 0) return after;
  if (isPlainAscii(text)) {
    if (text.length > width) return text.slice(0, width - 1) + ELLIPSIS + after;
    return (right ? text.padStart(width) : text.padEnd(width)) + after;
  }
  const room = columnsOfText(text) <= width ? width : width - 1;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const control = isControl(cp);
    const cols = control ? 1 : columnsOf(cp);
    if (used + cols > room) break;
    out += control ? CONTROL_MARK : ch;
    used += cols;
  }
  if (room < width) {
    out += ELLIPSIS;
    used += 1;
  }
  const pad = ' '.repeat(Math.max(0, width - used));
  return (right ? pad + out : out + pad) + after;
}

/**
 * A row's text for `widths` (columnWidths), as runs of one colour: the
 * even ones plain, the odd ones muted (Column.muted). A row is then a
 * few text nodes and a span per muted run, not a span per cell: what Blink
 * styles, lays out and paints per new row, and React creates, goes with
 * the number of nodes. The bare-DOM floor (bench/row-floor.ts) went
 * 2.9-3.3 → 2.3 %, the page at rest (charts collapsed) 4.4-4.6 → 4.0 %.
 */
export function rowRuns(message: TracedMessage, widths: readonly number[], columns: readonly Column[] = COLUMNS): string[] {
  const runs: string[] = [];
  let run = '';
  let muted = false;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const width = widths[i] ?? 0;
    // A column dropped on a narrow table (columnWidths) is not drawn.
    if (column === undefined || width === 0) continue;
    if ((column.muted === true) !== muted) {
      runs.push(run);
      run = '';
      muted = !muted;
    }
    run += fitColumn(column.cell(message), width, column.right);
  }
  runs.push(run);
  return runs;
}
