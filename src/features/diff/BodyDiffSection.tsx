/** The body part of the diff: structural entries, a line diff, or a byte comparison. */
import type { BinaryDiff, BodyDiff, DiffEntry } from '../../diff/index.ts';
import { DiffEntryValues, DiffKindBadge } from './DiffEntryValues.tsx';
import { useRenderLimit } from './ShowMore.tsx';
import { TextDiffView } from './TextDiffView.tsx';

const HOW: Record<BodyDiff['kind'], string> = {
  identical: 'identical',
  structured: 'structural diff of the decoded values',
  text: 'line diff of the texts',
  binary: 'byte comparison',
};

export function BodyDiffSection({ body }: { body: BodyDiff }) {
  return (
    <section className="inspector-section diff-body" aria-label="Body diff" data-testid="diff-body" data-kind={body.kind}>
      <h3>Body</h3>
      <p className="hint">
        {body.kind === 'identical' ? 'The bodies are identical.' : `${HOW[body.kind]}: ${countLabel(body)}`}
      </p>
      {body.notes.length > 0 && (
        <ul className="diff-notes" data-testid="diff-notes">
          {body.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {body.kind === 'structured' && <StructuredEntries entries={body.entries} />}
      {body.kind === 'text' && <TextDiffView diff={body.text} />}
      {body.kind === 'binary' && <BinaryDiffView diff={body.binary} />}
    </section>
  );
}

function countLabel(body: BodyDiff): string {
  if (body.kind === 'binary') return `${body.binary.differing.toLocaleString('en-US')} differing offset${body.binary.differing === 1 ? '' : 's'}`;
  const listed = body.entries.length;
  const more = body.kind === 'structured' ? body.unlisted : 0;
  const total = listed + more;
  return `${total.toLocaleString('en-US')} difference${total === 1 ? '' : 's'}`;
}

function StructuredEntries({ entries }: { entries: DiffEntry[] }) {
  const { limit, more } = useRenderLimit(entries.length);
  return (
    <>
      <ul className="diff-entries">
        {entries.slice(0, limit).map((entry, i) => (
          // A path can repeat (a move and a change at one index): the position keeps keys unique.
          <li key={`${i}:${entry.path}`} data-testid="diff-entry" data-section="body" data-path={entry.path} data-kind={entry.kind} className={`diff-row-${entry.kind}`}>
            <span className="diff-path">{entry.path}</span> <DiffKindBadge kind={entry.kind} />
            <span className="diff-values">
              <DiffEntryValues entry={entry} />
            </span>
          </li>
        ))}
      </ul>
      {more}
    </>
  );
}

function BinaryDiffView({ diff }: { diff: BinaryDiff }) {
  const entry = diff.entries[0];
  if (entry === undefined) return null;
  return (
    <div data-testid="diff-entry" data-section="body" data-path={entry.path} data-kind={entry.kind} className="diff-binary">
      <p className="diff-binary-summary">
        Bytes differ at {diff.differing.toLocaleString('en-US')} offset{diff.differing === 1 ? '' : 's'}, first at offset {diff.firstOffset} (0x{diff.firstOffset.toString(16)}):{' '}
        <DiffEntryValues entry={entry} /> · {diff.leftLength.toLocaleString('en-US')} vs {diff.rightLength.toLocaleString('en-US')} bytes
      </p>
      <h4>left</h4>
      <pre className="inspector-pre diff-hex">{diff.leftHex || '(no bytes here)'}</pre>
      <h4>right</h4>
      <pre className="inspector-pre diff-hex">{diff.rightHex || '(no bytes here)'}</pre>
    </div>
  );
}
