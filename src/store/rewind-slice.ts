import type { StateCreator } from 'zustand/vanilla';
import type { RewindStatus } from '../history/index.ts';

export interface RewindSlice {
  /** The last rewind's progress or outcome; null when none (or dismissed). */
  rewind: RewindStatus | null;
  /** Why a rewind asked for (`?rewind=`) could not start; '' when none. */
  rewindError: string;
  setRewindStatus(status: RewindStatus | null): void;
  setRewindError(error: string): void;
}

export const createRewindSlice: StateCreator<RewindSlice> = (set) => ({
  rewind: null,
  rewindError: '',
  setRewindStatus: (rewind) => set({ rewind, rewindError: '' }),
  setRewindError: (rewindError) => set({ rewindError }),
});
