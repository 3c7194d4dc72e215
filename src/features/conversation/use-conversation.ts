/**
 * The inspected message's conversations, and a view of one kept current
 * without following the traffic: a once-a-second look at that
 * conversation's own signature (state, members, retries), so the panel
 * re-renders when this conversation moves (a reply arrives, the timeout
 * passes; every second while it is pending, for its age) and never for
 * the rest of the traffic. Nothing runs while the tab is hidden.
 */
import { useEffect, useState } from 'react';
import { conversationSteps, workflowTree, type Conversation, type ConversationIndex, type ConversationStep, type WorkflowNode } from '../../conversations/index.ts';
import type { MessageBuffer } from '../../capture/index.ts';
import { useSession } from '../../ui/index.ts';

const REFRESH_MS = 1000;

export interface ConversationView {
  steps: ConversationStep[];
  tree: WorkflowNode[] | null;
  /** When it was read, epoch ms: "pending for …" is counted to this. */
  readAt: number;
  signature: string;
}

function signature(c: Conversation): string {
  return `${c.state}|${c.members}|${c.lastSeq}|${c.retries}|${c.duplicateReplies}`;
}

function read(index: ConversationIndex, buffer: MessageBuffer, c: Conversation): ConversationView {
  index.expire();
  return { steps: conversationSteps(index, buffer, c), tree: workflowTree(index, c), readAt: Date.now(), signature: signature(c) };
}

/** The conversations message `seq` belongs to, as they were when it was selected (a message's links never change). */
export function useConversationsOf(seq: number): Conversation[] {
  const { conversations: index } = useSession();
  const [conversations] = useState(() => index.conversationsOf(seq));
  return conversations;
}

/** Steps, tree and time of `c`, re-read when it changes. */
export function useConversationView(c: Conversation): ConversationView {
  const { conversations: index, capture } = useSession();
  const [view, setView] = useState(() => read(index, capture.buffer, c));
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.hidden) return;
      index.expire();
      if (c.state !== 'pending' && signature(c) === view.signature) return;
      setView(read(index, capture.buffer, c));
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [index, capture, c, view]);
  return view;
}
