/**
 * The message inspector: a right-hand panel showing the selected message's
 * summary, every header and the decoded payload.
 *
 * It deliberately does not subscribe to the view store's `version`: the
 * message object for a seq never changes, so the panel renders when the
 * selection does and never re-decodes while traffic flows.
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { ConversationPanel } from '../conversation/index.ts';
import { HeadersTable } from './HeadersTable.tsx';
import { MessageSummary } from './MessageSummary.tsx';
import { PayloadPanel } from './PayloadPanel.tsx';

export function Inspector() {
  const selectedSeq = useWarrenStore((s) => s.selectedSeq);
  const inspectorOpen = useWarrenStore((s) => s.inspectorOpen);
  const closeInspector = useWarrenStore((s) => s.closeInspector);
  if (!inspectorOpen || selectedSeq === null) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeInspector();
    }
  };
  return (
    <aside data-testid="inspector" className="inspector" aria-label="Message inspector" onKeyDown={onKeyDown}>
      <header className="inspector-header">
        <h2>Message #{selectedSeq}</h2>
        <button type="button" className="inspector-close" aria-label="Close inspector" title="Close (Esc)" onClick={closeInspector}>
          ✕
        </button>
      </header>
      {/* Keyed by seq: tab choice, "Load all" and the held message belong to one message. */}
      <InspectedMessage key={selectedSeq} seq={selectedSeq} />
    </aside>
  );
}

function InspectedMessage({ seq }: { seq: number }) {
  // Taken once at selection: the panel keeps showing the message even if the
  // ring buffer evicts it while it is open.
  const { capture } = useSession();
  const [message] = useState(() => capture.buffer.get(seq));
  if (message === undefined) {
    return (
      <p className="inspector-evicted" role="note">
        Message #{seq} is no longer in the buffer: it was evicted to make room for newer messages.
      </p>
    );
  }
  return (
    <div className="inspector-body">
      <MessageSummary message={message} />
      {/* A request, an answer or a task event: its whole conversation first, it is short. */}
      <ConversationPanel seq={seq} />
      {/* The payload is what people open a message for: it comes before the long header list. */}
      <PayloadPanel message={message} />
      <HeadersTable message={message} />
    </div>
  );
}
