import { describe, expect, it } from 'vitest';
import { appEvent } from '../../model/fixtures/messages.ts';
import { columnsOf, CONTROL_MARK, ELLIPSIS, fitColumn, rowRuns } from './column-text.ts';
import { COLUMN_GAP, COLUMNS, columnWidths, type Column } from './columns.ts';

/** Columns a fitted text takes, counted as the function counts them. */
const columnsIn = (text: string) => [...text].reduce((n, ch) => n + columnsOf(ch.codePointAt(0) ?? 0), 0);

describe('fitColumn', () => {
  it('pads plain text to its column and one space after, left or right', () => {
    expect(fitColumn('abc', 6)).toBe('abc    ');
    expect(fitColumn('42', 6, true)).toBe('    42 ');
    expect(fitColumn('abcdef', 6)).toBe('abcdef ');
    expect(fitColumn('', 3)).toBe('    ');
  });

  it('cuts longer text with an ellipsis inside the column', () => {
    expect(fitColumn('orders.eu.created', 10)).toBe(`orders.eu${ELLIPSIS} `);
    expect(fitColumn('123456789', 4, true)).toBe(`123${ELLIPSIS} `);
    expect(fitColumn('abc', 0)).toBe(' ');
  });

  it('counts wide characters as two columns and combining marks as none', () => {
    expect(fitColumn('注文', 6)).toBe('注文   ');
    expect(fitColumn('注文作成', 6)).toBe(`注文${ELLIPSIS}  `); // a third wide one would need 7
    expect(fitColumn('e\u0301te\u0301', 4)).toBe('e\u0301te\u0301  ');
    expect(fitColumn('👍ok', 4)).toBe('👍ok ');
    expect(fitColumn('👍👍👍', 4)).toBe(`👍${ELLIPSIS}  `); // a wide one would straddle the ellipsis: a space instead
  });

  it('marks control characters so a row stays one line', () => {
    expect(fitColumn('a\nb\tc\u0085', 6)).toBe(`a${CONTROL_MARK}b${CONTROL_MARK}c${CONTROL_MARK} `);
    expect(fitColumn('line1\r\nline2', 8)).toBe(`line1${CONTROL_MARK}${CONTROL_MARK}${ELLIPSIS} `);
  });

  it('never takes more or fewer columns than its width, whatever the text', () => {
    const samples = ['', 'x', 'orders.eu.created', '注文.作成.eu', 'a\u0301'.repeat(9), '👍'.repeat(7), 'mixed 注 👍 é\n', '\u0000\u001f\u007f'];
    for (const text of samples) {
      for (let width = 1; width <= 12; width++) {
        for (const right of [false, true]) {
          expect(columnsIn(fitColumn(text, width, right, 0)), `${JSON.stringify(text)} in ${width}`).toBe(width);
        }
      }
    }
  });
});

describe('columnWidths', () => {
  const fixed = COLUMNS.reduce((n, c) => n + ('chars' in c.width ? c.width.chars : 0) + COLUMN_GAP, 0);

  it('gives the flexible columns what the fixed ones leave, by share, and fills the row exactly', () => {
    const total = 200;
    const widths = columnWidths(total);
    expect(widths.reduce((a, b) => a + b, 0) + COLUMNS.length * COLUMN_GAP).toBe(total);
    const byId = Object.fromEntries(COLUMNS.map((c, i) => [c.id, widths[i]]));
    expect(byId['seq']).toBe(8);
    const room = total - fixed;
    expect(byId['key']).toBe(Math.floor((room * 1.2) / 4.2));
    expect(byId['task']).toBe(Math.floor(room / 4.2));
  });

  const minimum = COLUMNS.reduce((n, c) => n + ('chars' in c.width ? c.width.chars : c.width.min) + COLUMN_GAP, 0);
  const shown = (widths: number[]) => COLUMNS.filter((_, i) => (widths[i] ?? 0) > 0).map((c) => c.id);

  it('keeps every column, flexible ones at their minimum, on a row just wide enough', () => {
    const widths = columnWidths(minimum);
    COLUMNS.forEach((c, i) => expect(widths[i]).toBe('chars' in c.width ? c.width.chars : c.width.min));
  });

  it('drops columns on a narrower row, the content type first, until the rest fit', () => {
    expect(shown(columnWidths(minimum - 1))).toEqual(['seq', 'time', 'exchange', 'key', 'size', 'task', 'preview']);
    // The inspector open beside a 1,600 px window leaves ~90 characters.
    const widths = columnWidths(90);
    expect(shown(widths)).toEqual(['seq', 'time', 'exchange', 'key', 'size', 'preview']);
    expect(widths.reduce((a, b) => a + b, 0) + shown(widths).length * COLUMN_GAP).toBe(90);
    // What never goes: the number, the routing key, the preview.
    expect(shown(columnWidths(10))).toEqual(['seq', 'key', 'preview']);
  });

  it('works for fixed columns alone', () => {
    const only: Column[] = [{ id: 'a', title: 'a', width: { chars: 3 }, cell: () => '' }];
    expect(columnWidths(100, only)).toEqual([3]);
  });
});

describe('rowRuns', () => {
  const column = (id: string, chars: number, muted = false): Column => ({ id, title: id, width: { chars }, muted, cell: () => id.toUpperCase() });
  const message = appEvent({}, '{"id":7}', 'orders.eu.created');

  it('joins the fitted cells into runs, plain and muted in turn, starting plain', () => {
    const columns = [column('a', 2), column('b', 2, true), column('c', 2, true), column('d', 3)];
    expect(rowRuns(message, [2, 2, 2, 3], columns)).toEqual(['A  ', 'B  C  ', 'D   ']);
    // A muted first column leaves the first (plain) run empty, so the parity still says which is which.
    expect(rowRuns(message, [2, 3], [column('t', 2, true), column('k', 3)])).toEqual(['', 'T  ', 'K   ']);
  });

  it('leaves a dropped column out without splitting the run around it', () => {
    const columns = [column('a', 2), column('b', 2, true), column('c', 2)];
    expect(rowRuns(message, [2, 0, 2], columns)).toEqual(['A  C  ']);
  });

  it('draws a real message in the table\'s columns: the whole row width, the time and the preview muted', () => {
    const widths = columnWidths(160);
    const runs = rowRuns(message, widths);
    expect(runs).toHaveLength(4);
    expect(runs.join('')).toHaveLength(160);
    expect(runs[2]).toContain('orders.eu.created');
    expect(runs[3]).toContain('{"id":7}');
    // Narrow, the time goes (columnWidths): the number and the key are then one plain run.
    const narrow = rowRuns(message, columnWidths(60));
    expect(narrow).toHaveLength(2);
    expect(narrow[0]).toContain('orders.eu');
  });
});
