/**
 * What an export writes, fixed when it starts: the seqs of the visible rows
 * (the view moves as messages arrive and the buffer evicts, so rows are not
 * read by position while the export runs) or the whole retained range.
 */
import { importedSubscriptionOf, type ExportSource } from '../../archive/index.ts';
import type { TracedMessage } from '../../model/index.ts';
import type { TraceSession } from '../../session/index.ts';

export type ExportScope = 'visible' | 'all';

export function exportSourceOf(session: TraceSession, scope: ExportScope): ExportSource<TracedMessage> {
  const { buffer } = session.capture;
  const subscriptionOf = subscriptionNamer(session);
  if (scope === 'all') {
    const first = buffer.firstSeq;
    return { count: buffer.size, at: (index) => buffer.get(first + index), subscriptionOf };
  }
  const seqs = visibleSeqs(session);
  return { count: seqs.length, at: (index) => buffer.get(seqs[index] ?? 0), subscriptionOf };
}

/** The seqs of the view's message rows, top to bottom (gap-marker rows left out). */
function visibleSeqs(session: TraceSession): Float64Array {
  const { view } = session;
  const seqs = new Float64Array(view.messageCount);
  let n = 0;
  for (let row = 0, rows = view.rowCount; row < rows && n < seqs.length; row++) {
    const seq = view.seqAtRow(row);
    if (seq >= 0) seqs[n++] = seq;
  }
  return seqs.subarray(0, n);
}

/** A message's `subscription` field: its subscription's destination when known, else what identifies it. */
function subscriptionNamer(session: TraceSession): (message: TracedMessage) => string {
  const destinations = new Map(session.store.getState().subscriptions.map((s) => [s.id, s.destination]));
  return (message) => destinations.get(message.subscriptionId) ?? importedSubscriptionOf(message.subscriptionId) ?? message.subscriptionId;
}
