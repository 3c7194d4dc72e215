/** The old → new cell of a diff entry: text nodes only (values are production data). */
import type { DiffEntry } from '../../diff/index.ts';

export function DiffEntryValues({ entry }: { entry: DiffEntry }) {
  return (
    <>
      <span className="diff-old">{entry.old ?? <span className="muted">(absent)</span>}</span>
      <span className="diff-arrow" aria-hidden="true">
        →
      </span>
      <span className="diff-new">{entry.new ?? <span className="muted">(absent)</span>}</span>
    </>
  );
}

export function DiffKindBadge({ kind }: { kind: DiffEntry['kind'] }) {
  return <span className={`diff-kind diff-kind-${kind}`}>{kind}</span>;
}
