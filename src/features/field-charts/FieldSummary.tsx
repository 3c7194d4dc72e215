/**
 * The exact min / mean / max of the values in the chart's window, in text
 * and as data attributes (full precision) for tests and scripts. Min and max
 * are buttons that open the message that had them.
 */
import type { FieldSummary as Summary } from '../../fields/index.ts';
import { formatValue } from './format.ts';

interface Props {
  summary: Summary | null;
  windowLabel: string;
  onOpen(seq: number): void;
}

export function FieldSummary({ summary, windowLabel, onOpen }: Props) {
  if (summary === null) {
    return (
      <p className="field-chart-summary" data-testid="field-chart-summary" data-count="0">
        No value in the last {windowLabel}.
      </p>
    );
  }
  return (
    <p
      className="field-chart-summary"
      data-testid="field-chart-summary"
      data-count={summary.count}
      data-min={summary.min}
      data-mean={summary.mean}
      data-max={summary.max}
      data-min-seq={summary.minSeq}
      data-max-seq={summary.maxSeq}
    >
      <button type="button" className="link" data-testid="field-chart-open-min" title={`Open message #${summary.minSeq}, which has the minimum`} onClick={() => onOpen(summary.minSeq)}>
        min <strong>{formatValue(summary.min)}</strong>
      </button>
      <span>
        mean <strong>{formatValue(summary.mean)}</strong>
      </span>
      <button type="button" className="link" data-testid="field-chart-open-max" title={`Open message #${summary.maxSeq}, which has the maximum`} onClick={() => onOpen(summary.maxSeq)}>
        max <strong>{formatValue(summary.max)}</strong>
      </button>
      <span className="muted">
        {summary.count.toLocaleString('en-US')} value{summary.count === 1 ? '' : 's'}, last {windowLabel}
      </span>
    </p>
  );
}
