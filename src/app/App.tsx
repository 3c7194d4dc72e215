import { ChartPanel, TimeWindowBar } from '../features/charts/index.ts';
import { ConnectionPanel, ConnectionStatusLine } from '../features/connection/index.ts';
import { Counters } from '../features/counters/index.ts';
import { FilterBar } from '../features/filter-bar/index.ts';
import { Inspector } from '../features/inspector/index.ts';
import { SubscriptionPanel } from '../features/subscriptions/index.ts';
import { MessageTable } from '../features/table/index.ts';
import { useViewStore } from '../store/index.ts';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="brand">Warren</span> <span className="tagline">RabbitMQ live trace</span>
        </h1>
        <ConnectionStatusLine />
        <Counters />
      </header>
      <aside className="sidebar">
        <ConnectionPanel />
        <SubscriptionPanel />
      </aside>
      <main className="main">
        <ChartPanel />
        <SyncedFilterBar />
        <TimeWindowBar />
        <MessageTable />
      </main>
      <Inspector />
    </div>
  );
}

/**
 * The filter bar keeps its own draft of the text; when a chart click sets
 * the filter, `filterRevision` moves and a fresh bar starts from the new text.
 */
function SyncedFilterBar() {
  const revision = useViewStore((s) => s.filterRevision);
  return <FilterBar key={revision} />;
}
