import type { StateCreator } from 'zustand/vanilla';
import type { TracedMessage } from '../model/index.ts';

/**
 * Message diff: the pinned message and the pair being compared. The
 * messages themselves are held (not only their seqs), so a diff still shows
 * after the ring buffer evicts either of them, as the inspector does.
 */
export interface DiffSlice {
  /** The message pinned for a diff ("Pin for diff", `p`); marked in the table. */
  pinned: TracedMessage | null;
  /** The pair the diff view shows, left first; null = closed. */
  diffPair: { left: TracedMessage; right: TracedMessage } | null;
  /** Pins `message`, or unpins when it is the pinned one. */
  togglePin(message: TracedMessage): void;
  unpin(): void;
  /** Opens the diff of two distinct messages. */
  openDiff(left: TracedMessage, right: TracedMessage): void;
  closeDiff(): void;
}

export const createDiffSlice: StateCreator<DiffSlice> = (set) => ({
  pinned: null,
  diffPair: null,
  togglePin: (message) => set((s) => ({ pinned: s.pinned?.seq === message.seq ? null : message })),
  unpin: () => set({ pinned: null }),
  openDiff: (left, right) => {
    if (left.seq !== right.seq) set({ diffPair: { left, right } });
  },
  closeDiff: () => set({ diffPair: null }),
});
