import { useState } from 'react';
import { formatBytes, formatCount, useWarrenStore } from '../../ui/index.ts';
import type { ExportScope } from './export-source.ts';
import { useExport, type ExportState } from './use-export.ts';

/** Export the visible rows (after filter and time window) or everything retained, optionally gzip'd. */
export function ExportControl() {
  const { state, start, cancel } = useExport();
  const [scope, setScope] = useState<ExportScope>('visible');
  const [gzip, setGzip] = useState(false);
  const visible = useWarrenStore((s) => s.visible);
  const retained = useWarrenStore((s) => s.received - s.dropped);
  const running = state.phase === 'running';
  return (
    <div className="archive-export">
      <div className="row">
        <select value={scope} onChange={(e) => setScope(e.target.value as ExportScope)} aria-label="What to export" disabled={running}>
          <option value="visible">visible rows ({formatCount(visible)})</option>
          <option value="all">everything retained ({formatCount(retained)})</option>
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
        <p className="archive-note" data-testid="export-result">
          {formatCount(state.written)} messages, {formatBytes(state.bytes)} → {state.fileName}
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
