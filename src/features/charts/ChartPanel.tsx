/**
 * The rate strip above the table: messages/s stacked by the chosen
 * breakdown, its legend, and bytes/s, over the last five minutes. Collapsed,
 * it reads nothing. Its root carries the shown numbers as data attributes
 * (`data-series` = {series label: messages in the window}) for tests and
 * scripts; "Data" shows them as a table.
 */
import { useMemo } from 'react';
import { subscriptionColor, useWarrenStore } from '../../ui/index.ts';
import { ByteRateChart } from './ByteRateChart.tsx';
import { MessageRateChart } from './MessageRateChart.tsx';
import { RateControls } from './RateControls.tsx';
import { RateDataTable } from './RateDataTable.tsx';
import { useRateSnapshot } from './use-rate-snapshot.ts';
import { RateSummary } from './RateSummary.tsx';
import { SeriesLegend } from './SeriesLegend.tsx';
import { presentSeries, seriesTotals, type SubscriptionInfo } from './series-view.ts';

export function ChartPanel() {
  const open = useWarrenStore((s) => s.chartsOpen);
  const setChartSettings = useWarrenStore((s) => s.setChartSettings);
  if (!open) {
    return (
      <section className="rate-panel collapsed" data-testid="rate-chart" data-open="false" aria-label="Message rates">
        <header className="rate-header">
          <button type="button" className="link rate-toggle" data-testid="rate-chart-toggle" aria-expanded="false" onClick={() => setChartSettings({ chartsOpen: true })}>
            ▸ Rates
          </button>
        </header>
      </section>
    );
  }
  return <OpenChartPanel />;
}

function OpenChartPanel() {
  const snapshot = useRateSnapshot();
  const showData = useWarrenStore((s) => s.showData);
  const paused = useWarrenStore((s) => s.paused);
  const setChartSettings = useWarrenStore((s) => s.setChartSettings);
  const subscriptionList = useWarrenStore((s) => s.subscriptions);
  const subscriptions = useMemo(
    () => new Map<string, SubscriptionInfo>(subscriptionList.map((s) => [s.id, { destination: s.destination, color: subscriptionColor(s.number) }])),
    [subscriptionList],
  );
  const series = useMemo(() => presentSeries(snapshot, subscriptions), [snapshot, subscriptions]);
  const timeWindow = useWarrenStore((s) => s.timeWindow);
  return (
    <section
      className="rate-panel"
      data-testid="rate-chart"
      data-open="true"
      aria-label="Message rates"
      data-series={JSON.stringify(seriesTotals(series))}
      data-total={snapshot.totalMessages}
      data-bytes={snapshot.totalBytes}
      data-start-second={snapshot.startSecond}
      data-end-second={snapshot.endSecond}
      data-breakdown={snapshot.breakdown}
      data-depth={snapshot.depth}
      data-frozen={paused}
    >
      <header className="rate-header">
        <button type="button" className="link rate-toggle" data-testid="rate-chart-toggle" aria-expanded="true" onClick={() => setChartSettings({ chartsOpen: false })}>
          ▾ Rates
        </button>
        <RateSummary snapshot={snapshot} paused={paused} />
        <RateControls />
      </header>
      {showData ? (
        <RateDataTable snapshot={snapshot} series={series} />
      ) : (
        <div className="rate-body">
          <MessageRateChart snapshot={snapshot} series={series} timeWindow={timeWindow} />
          <SeriesLegend series={series} unkeyed={snapshot.breakdown === 'key' ? snapshot.unkeyed : 0} />
          <ByteRateChart bytes={snapshot.bytes} startSecond={snapshot.startSecond} />
        </div>
      )}
    </section>
  );
}
