/**
 * The inspector's "Conversation" section: every message of the selected
 * message's conversation as a waterfall (arrival order, times relative to
 * the first, gaps between), its state, and the Celery workflow tree it is
 * part of. Clicking a step or a task selects that message.
 */
import { useState } from 'react';
import type { Conversation, ConversationIndex } from '../../conversations/index.ts';
import { useSession } from '../../ui/index.ts';
import { describeState, shortId } from './format.ts';
import { useConversationsOf, useConversationView } from './use-conversation.ts';
import { Waterfall } from './Waterfall.tsx';
import { WorkflowTree } from './WorkflowTree.tsx';
import './conversation.css';

export function ConversationPanel({ seq }: { seq: number }) {
  const [chosen, setChosen] = useState(0);
  const conversations = useConversationsOf(seq);
  const current = conversations[chosen];
  if (current === undefined) return null;
  return (
    <section className="inspector-section conversation" data-testid="inspector-conversation" aria-label="Conversation">
      <h3>Conversation</h3>
      {conversations.length > 1 && (
        <div className="conversation-choice" role="tablist" aria-label="This message belongs to several conversations">
          {conversations.map((c, i) => (
            <button key={`${c.key}-${i}`} type="button" role="tab" aria-selected={i === chosen} onClick={() => setChosen(i)} title={c.key}>
              {c.name || 'task'} {shortId(c.key)}
            </button>
          ))}
        </div>
      )}
      {/* Keyed: another conversation starts its own view. */}
      <ConversationBody key={chosen} conversation={current} selectedSeq={seq} />
    </section>
  );
}

function ConversationBody({ conversation: c, selectedSeq }: { conversation: Conversation; selectedSeq: number }) {
  const session = useSession();
  const index = session.conversations;
  const openInspector = session.store.getState().openInspector;
  const { steps, tree, readAt } = useConversationView(c);
  return (
    <>
      <p className="conversation-head">
        <span className={`conversation-state state-${c.state}`} data-testid="conversation-state" data-state={c.state}>
          {describeState(c, index.timeoutMs, readAt)}
        </span>
        <span className="conversation-id">
          {c.name && <strong>{c.name}</strong>} <code title="correlation id / task id">{c.key}</code>
          {c.retries > 0 && <span className="muted"> · {c.retries} retr{c.retries === 1 ? 'y' : 'ies'}</span>}
          {c.duplicateReplies > 0 && <span className="warn"> · {c.duplicateReplies} duplicate repl{c.duplicateReplies === 1 ? 'y' : 'ies'}</span>}
        </span>
      </p>
      <Waterfall steps={steps} selectedSeq={selectedSeq} onSelect={openInspector} />
      {steps.length < c.members && <p className="muted">Some of its messages are no longer in the buffer.</p>}
      {tree !== null && <WorkflowTree nodes={tree} current={c} onSelect={(other) => selectFirstOf(other, index, openInspector)} />}
    </>
  );
}

function selectFirstOf(c: Conversation, index: ConversationIndex, open: (seq: number) => void): void {
  const first = index.membersOf(c)[0];
  if (first !== undefined) open(first);
}
