import { useCallback, type ChangeEvent } from 'react';
import { ARCHIVE_FILE_ACCEPT } from '../../archive/index.ts';
import { formatBytes, formatCount } from '../../ui/index.ts';
import { ImportErrors } from './ImportErrors.tsx';
import { useFileDrop } from './use-file-drop.ts';
import { useImport, type ImportState } from './use-import.ts';

/** Open a capture file (picker, or a file dropped anywhere on the page): it replaces what the page shows. */
export function ImportControl() {
  const { state, start, cancel } = useImport();
  const dragging = useFileDrop(start);
  const pick = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const file = e.target.files?.[0];
      // Cleared so that picking the same file again imports it again.
      e.target.value = '';
      if (file !== undefined) start(file);
    },
    [start],
  );
  const running = state.phase === 'running';
  return (
    <div className={`archive-import${dragging ? ' dragging' : ''}`}>
      <label>
        Import a capture file (.ndjson, .ndjson.gz)
        <input data-testid="import-input" type="file" accept={ARCHIVE_FILE_ACCEPT} onChange={pick} disabled={running} />
      </label>
      <p className="archive-note">{dragging ? 'Drop the file to import it' : 'or drop one on the page; it replaces what the page shows and disconnects'}</p>
      {running && (
        <div className="archive-progress">
          <progress data-testid="import-progress" data-read={state.bytesRead} data-total={state.totalBytes} max={Math.max(1, state.totalBytes)} value={state.bytesRead} />
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      <ImportOutcome state={state} />
    </div>
  );
}

function ImportOutcome({ state }: { state: ImportState }) {
  switch (state.phase) {
    case 'running':
      return (
        <p className="archive-note">
          {state.fileName}: {formatCount(state.messages)} messages, {formatBytes(state.bytesRead)} of {formatBytes(state.totalBytes)}
        </p>
      );
    case 'failed':
      return <p className="archive-note error">Import of {state.fileName} failed: {state.reason}</p>;
    case 'finished': {
      const s = state.summary;
      const evicted = s.ingested - s.kept;
      return (
        <>
          <p className="archive-note" data-testid="import-result" data-messages={s.messages} data-kept={s.kept}>
            {s.cancelled ? 'Cancelled: ' : ''}
            {formatCount(s.messages)} messages read from {s.fileName}
            {s.ingested < s.messages && `, ${formatCount(s.messages - s.ingested)} dropped as redelivered copies`}
            {evicted > 0 && `; the buffer keeps the newest ${formatCount(s.kept)} (capacity ${formatCount(s.capacity)})`}
          </p>
          {s.fatalError !== null && <p className="archive-note error">Stopped early: {s.fatalError}</p>}
          <ImportErrors badLines={s.badLines} badLineCount={s.badLineCount} />
        </>
      );
    }
    default:
      return null;
  }
}
