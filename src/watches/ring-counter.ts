/**
 * Counts per time slot over the last `slots` slots (60 seconds, 60 minutes):
 * a fixed ring of numbers, so counting allocates nothing. Slots are whole
 * multiples of `slotMs` of the clock (epoch ms), so two counters with the
 * same slot width agree on where a minute starts.
 */
export class RingCounter {
  private readonly counts: Float64Array;
  /** The newest slot written (clock / slotMs, floored); -Infinity before the first count. */
  private head = -Infinity;

  /**
   * @param slots how many slots are kept (the oldest is forgotten as a new one starts).
   * @param slotMs the width of a slot, ms.
   */
  constructor(
    readonly slots: number,
    readonly slotMs: number,
  ) {
    if (!Number.isInteger(slots) || slots < 1 || !(slotMs > 0)) throw new Error(`RingCounter: bad slots ${slots} / slotMs ${slotMs}`);
    this.counts = new Float64Array(slots);
  }

  /** `count` more (default one) at `now` (epoch ms). A time older than the ring is not counted in it. */
  add(now: number, count = 1): void {
    const slot = Math.floor(now / this.slotMs);
    if (slot > this.head) this.advanceTo(slot);
    else if (slot <= this.head - this.slots) return;
    const i = this.indexOf(slot);
    this.counts[i] = (this.counts[i] ?? 0) + count;
  }

  /** The sum of the `slots` slots ending with the one `now` falls in. */
  sum(now: number): number {
    const last = Math.floor(now / this.slotMs);
    let total = 0;
    for (let slot = Math.max(last - this.slots + 1, this.head - this.slots + 1); slot <= Math.min(last, this.head); slot++) {
      total += this.counts[this.indexOf(slot)] ?? 0;
    }
    return total;
  }

  /** The counts of the `slots` slots ending with the one `now` falls in, oldest first. */
  series(now: number): number[] {
    const last = Math.floor(now / this.slotMs);
    const out = new Array<number>(this.slots);
    for (let i = 0; i < this.slots; i++) {
      const slot = last - this.slots + 1 + i;
      const kept = slot <= this.head && slot > this.head - this.slots;
      out[i] = kept ? (this.counts[this.indexOf(slot)] ?? 0) : 0;
    }
    return out;
  }

  private advanceTo(slot: number): void {
    if (slot - this.head >= this.slots) this.counts.fill(0);
    else for (let s = this.head + 1; s <= slot; s++) this.counts[this.indexOf(s)] = 0;
    this.head = slot;
  }

  private indexOf(slot: number): number {
    const i = slot % this.slots;
    return i < 0 ? i + this.slots : i;
  }
}
