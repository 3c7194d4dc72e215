/**
 * The message inspector: a right-hand panel showing the selected message's
 * summary, every header and the decoded payload. While a diff is open, the
 * diff view takes its place.
 *
 * It deliberately does not subscribe to the view store's `version`: the
 * message object for a seq never changes, so the panel renders when the
 * selection does and never re-decodes while traffic flows.
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { TracedMessage } from '../../model/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { ConversationPanel } from '../conversation/index.ts';
import { LazyDiffView } from '../diff/index.ts';
import { HeadersTable } from './HeadersTable.tsx';
import { MessageSummary } from './MessageSummary.tsx';
import { PayloadPanel } from './PayloadPanel.tsx';

export function Inspector() {
  const selectedSeq = useWarrenStore((s) => s.selectedSeq);
  const inspectorOpen = useWarrenStore((s) => s.inspectorOpen);
  const closeInspector = useWarrenStore((s) => s.closeInspector);
  const diffPair = useWarrenStore((s) => s.diffPair);
  if (diffPair !== null) return <LazyDiffView left={diffPair.left} right={diffPair.right} />;
  if (!inspectorOpen || selectedSeq === null) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeInspector();
    }
  };
  return (
    <aside data-testid="inspector" className="inspector" aria-label="Message inspector" onKeyDown={onKeyDown}>
      {/* Keyed by seq: tab choice, "Load all" and the held message belong to one message. */}
      <InspectedMessage key={selectedSeq} seq={selectedSeq} onClose={closeInspector} />
    </aside>
  );
}

function InspectedMessage({ seq, onClose }: { seq: number; onClose(): void }) {
  // Taken once at selection: the panel keeps showing the message even if the
  // ring buffer evicts it while it is open.
  const { capture } = useSession();
  const [message] = useState(() => capture.buffer.get(seq));
  return (
    <>
      <header className="inspector-header">
        <h2>Message #{seq}</h2>
        <div className="inspector-actions">
          {message !== undefined && <DiffActions message={message} />}
          <button type="button" className="inspector-close" aria-label="Close inspector" title="Close (Esc)" onClick={onClose}>
            ✕
          </button>
        </div>
      </header>
      {message === undefined ? (
        <p className="inspector-evicted" role="note">
          Message #{seq} is no longer in the buffer: it was evicted to make room for newer messages.
        </p>
      ) : (
        <div className="inspector-body">
          <MessageSummary message={message} />
          {/* A request, an answer or a task event: its whole conversation first, it is short. */}
          <ConversationPanel seq={seq} />
          {/* The payload is what people open a message for: it comes before the long header list. */}
          <PayloadPanel message={message} />
          <HeadersTable message={message} />
        </div>
      )}
    </>
  );
}

/** Pin this message for a diff, or diff it with the one pinned before. */
function DiffActions({ message }: { message: TracedMessage }) {
  const pinned = useWarrenStore((s) => s.pinned);
  const togglePin = useWarrenStore((s) => s.togglePin);
  const openDiff = useWarrenStore((s) => s.openDiff);
  const isPinned = pinned?.seq === message.seq;
  return (
    <>
      {pinned !== null && !isPinned && (
        <button type="button" data-testid="diff-with-pinned" title={`Compare the pinned message #${pinned.seq} (left) with this one (d)`} onClick={() => openDiff(pinned, message)}>
          Diff with pinned #{pinned.seq}
        </button>
      )}
      <button
        type="button"
        data-testid="pin-button"
        aria-pressed={isPinned}
        className={isPinned ? 'active' : undefined}
        title={isPinned ? 'Unpin this message (p)' : 'Pin this message, then select another to diff them (p)'}
        onClick={() => togglePin(message)}
      >
        {isPinned ? 'Unpin' : 'Pin for diff'}
      </button>
    </>
  );
}
