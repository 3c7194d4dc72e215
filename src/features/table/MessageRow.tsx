import { memo } from 'react';
import type { MouseEvent } from 'react';
import type { TracedMessage } from '../../model/index.ts';
import { fitColumn, rowRuns } from './column-text.ts';

interface Props {
  seq: number;
  message: TracedMessage | undefined;
  /** The tag colour of the message's subscription. */
  color: string;
  top: number;
  height: number;
  /** Each column's width in characters, 0 when it is dropped (columnWidths). */
  widths: readonly number[];
  selected: boolean;
  /** Pinned for a diff: marked so it can be found again. */
  pinned: boolean;
  /** `pair`: the click held Ctrl, Cmd or Shift (diff with the selected row). */
  onSelect(seq: number, pair: boolean): void;
}

const pairClick = (event: MouseEvent) => event.ctrlKey || event.metaKey || event.shiftKey;

/**
 * One row: a line of text, each cell its text fitted to its column, in
 * runs of plain and muted text (rowRuns); the subscription's colour on its
 * left edge. A message evicted while the view was paused shows as such.
 */
export const MessageRow = memo(function MessageRow({ seq, message, color, top, height, widths, selected, pinned, onSelect }: Props) {
  if (!message) {
    return (
      <div className="row evicted" role="option" aria-selected={false} aria-disabled={true} data-testid="message-row" data-seq={seq} style={{ top, height }}>
        {fitColumn(String(seq), widths[0] ?? 0, true)}evicted from the buffer
      </div>
    );
  }
  const style = { top, height, borderLeftColor: color };
  return (
    <div
      className={`row${selected ? ' selected' : ''}${pinned ? ' pinned' : ''}`}
      role="option"
      aria-selected={selected}
      data-pinned={pinned || undefined}
      title={pinned ? 'Pinned for diff (p unpins; select another row and press d to diff)' : undefined}
      data-testid="message-row"
      data-seq={seq}
      data-routing-key={message.routingKey}
      data-warren-seq={message.warrenSeq}
      style={style}
      onClick={(event) => onSelect(seq, pairClick(event))}
    >
      {rowRuns(message, widths).map((text, i) =>
        i % 2 === 0 ? (
          text
        ) : (
          <span key={i} className="cell-muted">
            {text}
          </span>
        ),
      )}
    </div>
  );
});
