import { useMemo, useRef, type CSSProperties, type RefObject } from 'react';
import { useMeasured } from '../../ui/index.ts';
import { COLUMN_GAP, columnWidths } from './columns.ts';

/** A row's text starts and ends this far inside it (app.css: padding 8 px each side, the 4 px colour edge). */
const ROW_INSET_PX = 20;
/** Characters in the probe that measures the rows' character width (more give a finer width). */
const PROBE_CHARS = 100;
/** The probe's text: render it in a `.row-font-probe` span given `probeRef`. */
export const PROBE_TEXT = '0'.repeat(PROBE_CHARS);

/** The scroller's width inside its scroll bar: how many characters a row holds. */
const widthOf = (el: HTMLElement) => el.clientWidth;
const charWidthOf = (el: HTMLElement) => el.getBoundingClientRect().width / PROBE_CHARS;

export interface ColumnSizing {
  /** Each column's width in characters of the rows' monospace font, 0 when dropped (columnWidths). */
  widths: readonly number[];
  /** The header's columns in pixels to match, dropped ones left out (--row-grid, --col-gap: app.css). */
  headStyle: CSSProperties;
  probeRef: RefObject<HTMLSpanElement | null>;
}

/** The table's columns for the width of its scroller, kept up to date as either resizes. */
export function useColumnWidths(scrollRef: RefObject<HTMLElement | null>): ColumnSizing {
  const probeRef = useRef<HTMLSpanElement>(null);
  const charWidth = useMeasured(probeRef, charWidthOf, 0);
  const bodyWidth = useMeasured(scrollRef, widthOf, 0);
  const rowChars = charWidth > 0 ? Math.floor((bodyWidth - ROW_INSET_PX) / charWidth) : 0;
  const widths = useMemo(() => columnWidths(rowChars), [rowChars]);
  const headStyle = useMemo(
    () =>
      ({
        '--row-grid': widths
          .filter((w) => w > 0)
          .map((w) => `${w * charWidth}px`)
          .join(' '),
        '--col-gap': `${COLUMN_GAP * charWidth}px`,
      }) as CSSProperties,
    [widths, charWidth],
  );
  return { widths, headStyle, probeRef };
}
