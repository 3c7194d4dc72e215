/**
 * Properties and headers: only the fields that differ, with both values,
 * and the count of identical ones (shown on request).
 */
import { useState } from 'react';
import type { EnvelopeDiff } from '../../diff/index.ts';
import { DiffKindBadge } from './DiffEntryValues.tsx';

export function EnvelopeDiffTable({ diff }: { diff: EnvelopeDiff }) {
  const [showIdentical, setShowIdentical] = useState(false);
  const differing = diff.entries.length;
  const identical = diff.identical.length;
  return (
    <section className="inspector-section diff-envelope" aria-label="Properties and headers diff">
      <h3>Properties &amp; headers</h3>
      <p className="hint" data-testid="diff-envelope-summary" data-differing={differing} data-identical={identical}>
        {differing === 0 ? 'No property or header differs' : `${differing} differ`} · {identical} identical · STOMP delivery headers (message-id, subscription, …) are not compared
        {identical > 0 && (
          <button type="button" className="link" data-testid="diff-show-identical" aria-pressed={showIdentical} onClick={() => setShowIdentical((v) => !v)}>
            {showIdentical ? 'hide identical' : 'show all'}
          </button>
        )}
      </p>
      {(differing > 0 || showIdentical) && (
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">field</th>
              <th scope="col">left</th>
              <th scope="col">right</th>
            </tr>
          </thead>
          <tbody>
            {diff.entries.map((entry) => (
              <tr key={entry.path} data-testid="diff-entry" data-section="envelope" data-path={entry.path} data-kind={entry.kind} className={`diff-row-${entry.kind}`}>
                <th scope="row">
                  {entry.path} <DiffKindBadge kind={entry.kind} />
                </th>
                <td className="diff-old">{entry.old ?? <span className="muted">(absent)</span>}</td>
                <td className="diff-new">{entry.new ?? <span className="muted">(absent)</span>}</td>
              </tr>
            ))}
            {showIdentical &&
              diff.identical.map((field) => (
                <tr key={field.path} className="diff-row-same" data-testid="diff-identical">
                  <th scope="row">{field.path}</th>
                  <td colSpan={2}>{field.value}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
