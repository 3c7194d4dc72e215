/**
 * The requests view: one row per Celery task name and per RPC request
 * routing key, with exact counts by state and latency percentiles, read from
 * the session's conversation index at most once a second while open and
 * visible. Clicking a row filters the table to its conversations (`task:`);
 * the selected row's distributions are drawn below or beside the rows.
 */
import { useCallback, useMemo } from 'react';
import { formatCount, useSession, useWarrenStore } from '../../ui/index.ts';
import { selectedRequestName, taskFilterTerm } from './filter-term.ts';
import type { RequestSummary } from './request-summary.ts';
import { LatencyChart } from './LatencyChart.tsx';
import { RequestsTable } from './RequestsTable.tsx';
import { TimeoutInput } from './TimeoutInput.tsx';
import { useRequestsFeed } from './use-requests-feed.ts';

export function RequestsPanel() {
  const session = useSession();
  const filterText = useWarrenStore((s) => s.filterText);
  const selectedName = useMemo(() => selectedRequestName(filterText), [filterText]);
  const close = useWarrenStore((s) => s.setRequestsOpen);
  const { snapshot, feed } = useRequestsFeed(selectedName);
  const onToggle = useCallback(
    (name: string) => session.setFilterText(name === selectedRequestName(session.store.getState().filterText) ? '' : taskFilterTerm(name)),
    [session],
  );
  const setTimeoutMs = useCallback((ms: number) => feed.setTimeoutMs(ms), [feed]);

  return (
    <section className={`requests-view${selectedName === null ? '' : ' with-chart'}`} data-testid="requests-view" aria-label="Requests by task name and request key">
      <header className="requests-header">
        <h2>Requests</h2>
        <Totals rows={snapshot.rows} />
        <TimeoutInput timeoutMs={snapshot.timeoutMs} onChange={setTimeoutMs} />
        {selectedName !== null && (
          <button type="button" className="requests-clear" data-testid="requests-clear" onClick={() => session.setFilterText('')} title="Show every message again">
            ✕ filter
          </button>
        )}
        <button type="button" className="link" onClick={() => close(false)} aria-label="Close the requests view" title="Close">
          ✕
        </button>
      </header>
      <div className="requests-body">
        <RequestsTable rows={snapshot.rows} selectedName={selectedName} onToggle={onToggle} onFilter={session.setFilterText.bind(session)} />
        {selectedName !== null && <LatencyChart name={selectedName} bars={snapshot.bars} />}
      </div>
      <ClockLegend answersWithoutRequest={snapshot.answersWithoutRequest} />
    </section>
  );
}

const LATENCY_CLOCK = 'Request arrival → first answer arrival, both on this page: one clock, in ms; but the request and its answer may travel through different shovels, whose lag differs';
const RUNTIME_CLOCK = 'The runtime field of task-succeeded: measured by the worker, on its own clock';

/** Which clock each number comes from, and the answers no row could count. */
function ClockLegend({ answersWithoutRequest }: { answersWithoutRequest: number }) {
  return (
    <p className="requests-footnote hint">
      <span title={LATENCY_CLOCK}>latency: arrival on this page, request → first answer</span>
      {' · '}
      <span title={RUNTIME_CLOCK}>runtime: the worker&apos;s own clock</span>
      {answersWithoutRequest > 0 && (
        <>
          {' · '}
          <span
            className="requests-orphans"
            data-testid="requests-orphans"
            data-value={answersWithoutRequest}
            title="Answers (replies, task-succeeded / task-failed) whose request was not seen: evicted, sent before the page opened, or not mirrored"
          >
            {formatCount(answersWithoutRequest)} answers whose request was not seen
          </span>
        </>
      )}
    </p>
  );
}

/** The whole view in one line, what matters first (the end is cut when narrow). */
function Totals({ rows }: { rows: readonly RequestSummary[] }) {
  let count = 0;
  let pending = 0;
  let timedOut = 0;
  for (const r of rows) {
    count += r.count;
    pending += r.pending;
    timedOut += r.timedOut;
  }
  return (
    <p className="requests-totals hint">
      {formatCount(count)} requests · <span className={timedOut > 0 ? 'requests-bad' : ''}>{formatCount(timedOut)} timed out</span> · {formatCount(pending)} pending ·{' '}
      {formatCount(rows.length)} {rows.length === 1 ? 'name' : 'names'}
    </p>
  );
}
