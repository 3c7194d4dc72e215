/**
 * The diff of two messages, in the inspector's place: which two (left is
 * the pinned or the older one), then properties & headers, then the body.
 * Escape (or ✕) closes it and returns to the inspector.
 */
import type { KeyboardEvent } from 'react';
import type { TracedMessage } from '../../model/index.ts';
import { useWarrenStore } from '../../ui/index.ts';
import { BodyDiffSection } from './BodyDiffSection.tsx';
import { EnvelopeDiffTable } from './EnvelopeDiffTable.tsx';
import { useMessageDiff } from './use-message-diff.ts';
import './diff.css';

export function DiffView({ left, right }: { left: TracedMessage; right: TracedMessage }) {
  const closeDiff = useWarrenStore((s) => s.closeDiff);
  const openDiff = useWarrenStore((s) => s.openDiff);
  const diff = useMessageDiff(left, right);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeDiff();
    }
  };
  return (
    <aside data-testid="diff-view" className="inspector diff-view" aria-label="Message diff" data-left-seq={left.seq} data-right-seq={right.seq} onKeyDown={onKeyDown}>
      <header className="inspector-header">
        <h2>
          Diff #{left.seq} → #{right.seq}
        </h2>
        <div className="diff-header-actions">
          <button type="button" data-testid="diff-swap" title="Swap left and right" onClick={() => openDiff(right, left)}>
            ⇄ Swap
          </button>
          <button type="button" className="inspector-close" data-testid="diff-close" aria-label="Close diff" title="Close the diff (Esc)" onClick={closeDiff}>
            ✕
          </button>
        </div>
      </header>
      <div className="inspector-body">
        <section className="inspector-section diff-sides" aria-label="Compared messages">
          <Side label="left" message={left} />
          <Side label="right" message={right} />
        </section>
        <EnvelopeDiffTable diff={diff.envelope} />
        <BodyDiffSection body={diff.body} />
      </div>
    </aside>
  );
}

function Side({ label, message }: { label: 'left' | 'right'; message: TracedMessage }) {
  return (
    <div className={`diff-side diff-side-${label}`} data-testid={`diff-${label}`} data-seq={message.seq}>
      <span className="diff-side-label">{label}</span> <strong>#{message.seq}</strong>{' '}
      <span className="diff-side-key">{message.routingKey === '' ? '(empty routing key)' : message.routingKey}</span>{' '}
      <span className="muted">{new Date(message.receivedAt).toISOString().slice(11, 23)}</span>
    </div>
  );
}
