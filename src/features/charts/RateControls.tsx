import { useShallow } from 'zustand/react/shallow';
import type { KeyDepth, RateBreakdown } from '../../rates/index.ts';
import { useWarrenStore } from '../../ui/index.ts';

const BREAKDOWNS: { value: RateBreakdown; label: string }[] = [
  { value: 'key', label: 'key' },
  { value: 'subscription', label: 'subscription' },
  { value: 'exchange', label: 'exchange' },
];

const DEPTHS: { value: KeyDepth; label: string; title: string }[] = [
  { value: 1, label: '1', title: 'First word: orders.#' },
  { value: 2, label: '2', title: 'First two words: orders.eu.#' },
  { value: 3, label: '3', title: 'First three words' },
  { value: 'full', label: 'full', title: 'Each routing key' },
];

/** Breakdown (key / subscription / exchange), key grouping depth, and chart or data table. */
export function RateControls() {
  const { breakdown, depth, showData } = useWarrenStore(useShallow((s) => ({ breakdown: s.breakdown, depth: s.depth, showData: s.showData })));
  const setChartSettings = useWarrenStore((s) => s.setChartSettings);
  return (
    <div className="rate-controls">
      <Segmented label="by" testId="rate-breakdown" options={BREAKDOWNS} value={breakdown} onChange={(value) => setChartSettings({ breakdown: value })} />
      {breakdown === 'key' && (
        <Segmented label="words" testId="rate-depth" options={DEPTHS} value={depth} onChange={(value) => setChartSettings({ depth: value })} />
      )}
      <button type="button" data-testid="rate-data-toggle" aria-pressed={showData} className={showData ? 'active' : ''} onClick={() => setChartSettings({ showData: !showData })}>
        {showData ? 'Chart' : 'Data'}
      </button>
    </div>
  );
}

interface SegmentedProps<T extends string | number> {
  label: string;
  testId: string;
  options: { value: T; label: string; title?: string }[];
  value: T;
  onChange(value: T): void;
}

function Segmented<T extends string | number>({ label, testId, options, value, onChange }: SegmentedProps<T>) {
  return (
    <div className="segmented" role="group" aria-label={label} data-testid={testId}>
      <span className="segmented-label">{label}</span>
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          title={o.title}
          aria-pressed={o.value === value}
          className={o.value === value ? 'active' : ''}
          data-value={String(o.value)}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
