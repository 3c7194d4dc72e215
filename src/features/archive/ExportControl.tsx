import { useState } from 'react';
import { formatBytes, formatCount, useSession } from '../../ui/index.ts';
import type { ExportScope } from './export-source.ts';
import { useExport, type ExportState } from './use-export.ts';

interface ScopeCounts {
  visible: number;
  retained: number;
}

/**
 * Export the visible rows (after filter and time window) or everything retained, optionally gzip'd.
 *
 * The choices' counts are read when the user reaches for the list, not kept
 * live: a select is sized by its options' text, so a count changing with
 * every batch re-laid out the whole page ten times a second
 * (bench/rest-trace.ts, layout root #document), for a list nobody had open.
 */
export function ExportControl() {
  const { state, start, cancel } = useExport();
  const { store } = useSession();
  const [scope, setScope] = useState<ExportScope>('visible');
  const [gzip, setGzip] = useState(false);
  const [counts, setCounts] = useState<ScopeCounts | null>(null);
  const readCounts = () => {
    const s = store.getState();
    setCounts({ visible: s.visible, retained: s.received - s.dropped });
  };
  const running = state.phase === 'running';
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${formatCount(n)})`);
  return (
    <div className="archive-export">
      <div className="row">
        <select
          value={scope}
          onChange={(e) => setScope(e.target.value as ExportScope)}
          onPointerDown={readCounts}
          onFocus={readCounts}
          onBlur={() => setCounts(null)}
          aria-label="What to export"
          disabled={running}
        >
          <option value="visible">visible rows{count(counts?.visible)}</option>
          <option value="all">everything retained{count(counts?.retained)}</option>
        </select>
        <label className="check">
          <input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.target.checked)} disabled={running} />
          gzip
        </label>
      </div>
      <button data-testid="export-button" type="button" onClick={() => start(scope, gzip)} disabled={running}>
        Export NDJSON
      </button>
      {running && (
        <div className="archive-progress">
          <progress data-testid="export-progress" data-done={state.done} data-total={state.total} max={Math.max(1, state.total)} value={state.done} />
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      <ExportOutcome state={state} />
    </div>
  );
}

function ExportOutcome({ state }: { state: ExportState }) {
  switch (state.phase) {
    case 'done':
      return (
        <p className="archive-note" data-testid="export-result" data-on-disk={state.onDisk}>
          {formatCount(state.written)} messages, {formatBytes(state.bytes)} → {state.fileName}
          {state.onDisk && ' (written to disk first, then downloaded)'}
          {state.missing > 0 && ` (${formatCount(state.missing)} evicted by newer messages before their turn)`}
        </p>
      );
    case 'cancelled':
      return <p className="archive-note">Export cancelled; nothing was saved.</p>;
    case 'failed':
      return <p className="archive-note error">Export failed: {state.reason}</p>;
    default:
      return null;
  }
}
