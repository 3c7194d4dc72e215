/** The frame scheduler's tests' stand-in for the browser's animation frames. */
import { vi } from 'vitest';
import type { DrawTurns } from './frame-scheduler.ts';

/** A stand-in for the browser's animation frames: requested callbacks run when the test fires a frame. */
export class FakeFrames {
  private readonly pending = new Map<number, FrameRequestCallback>();
  private nextId = 0;
  readonly requestAnimationFrame = vi.fn((callback: FrameRequestCallback): number => {
    const id = ++this.nextId;
    this.pending.set(id, callback);
    return id;
  });
  readonly cancelAnimationFrame = vi.fn((id: number): void => {
    this.pending.delete(id);
  });

  /** Draw turns in these frames, so a test sees and fires each turn the scheduler takes. */
  readonly turns: DrawTurns = {
    request: (run) => {
      const id = this.requestAnimationFrame(run);
      return () => this.cancelAnimationFrame(id);
    },
  };

  get pendingCount(): number {
    return this.pending.size;
  }

  /** One display refresh: runs the callbacks requested before it, with the frame's timestamp. */
  fire(): void {
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    const now = performance.now();
    for (const callback of callbacks) callback(now);
  }
}
