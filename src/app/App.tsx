import { ArchivePanel } from '../features/archive/index.ts';
import { ChartPanel, TimeWindowBar } from '../features/charts/index.ts';
import { ConnectionPanel, ConnectionStatusLine } from '../features/connection/index.ts';
import { Counters } from '../features/counters/index.ts';
import { FieldChartActionsProvider, FieldCharts } from '../features/field-charts/index.ts';
import { FilterBar } from '../features/filter-bar/index.ts';
import { Inspector } from '../features/inspector/index.ts';
import { SubscriptionPanel } from '../features/subscriptions/index.ts';
import { RequestsToggle, RequestsView } from '../features/requests/index.ts';
import { RewindBar, RewindMenu } from '../features/rewind/index.ts';
import { SavedFiltersMenu, SaveFilterButton } from '../features/saved-filters/index.ts';
import { MessageTable } from '../features/table/index.ts';
import { ThemeToggle } from '../features/theme/index.ts';
import { WatchBadge, WatchButton, WatchList } from '../features/watches/index.ts';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="brand">Warren</span> <span className="tagline">RabbitMQ live trace</span>
        </h1>
        <ConnectionStatusLine />
        <Counters />
        <WatchBadge />
        <ThemeToggle />
      </header>
      <aside className="sidebar">
        <ConnectionPanel />
        <SubscriptionPanel />
        <WatchList />
        <ArchivePanel />
      </aside>
      <main className="main">
        <ChartPanel />
        <FieldCharts />
        <FilterBar>
          <SaveFilterButton />
          <SavedFiltersMenu />
          <WatchButton />
          <RequestsToggle />
          <RewindMenu />
        </FilterBar>
        <RewindBar />
        <TimeWindowBar />
        <RequestsView />
        <MessageTable />
      </main>
      {/* The inspector's JSON tree offers "chart this field" through this context. */}
      <FieldChartActionsProvider>
        <Inspector />
      </FieldChartActionsProvider>
    </div>
  );
}
