/**
 * Running count, sum, min and max of a field's values, with the seq of the
 * message that gave the min and the max (a click on a chart opens it).
 * Mutable and reused: a slot's stats are reset, never reallocated.
 */
export class FieldStats {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** Seq of the first message that had the min (ties keep the earlier). */
  minSeq = -1;
  maxSeq = -1;

  add(value: number, seq: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) {
      this.min = value;
      this.minSeq = seq;
    }
    if (value > this.max) {
      this.max = value;
      this.maxSeq = seq;
    }
  }

  /** Adds another set of values (of later or earlier messages: ties keep the lower seq). */
  merge(other: FieldStats): void {
    if (other.count === 0) return;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min || (other.min === this.min && other.minSeq < this.minSeq)) {
      this.min = other.min;
      this.minSeq = other.minSeq;
    }
    if (other.max > this.max || (other.max === this.max && other.maxSeq < this.maxSeq)) {
      this.max = other.max;
      this.maxSeq = other.maxSeq;
    }
  }

  get mean(): number {
    return this.count === 0 ? Number.NaN : this.sum / this.count;
  }

  reset(): void {
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    this.minSeq = -1;
    this.maxSeq = -1;
  }
}
