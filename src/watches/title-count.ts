/**
 * The tab title's count of watch matches nobody has seen yet: matches of
 * the watches that notify, since the page was last visible and focused.
 * Read from the watches' totals when the title is updated (never per
 * message): unseen = total now - total when last seen.
 */
export class UnseenMatches {
  private baseline = 0;
  private seeing = true;

  /**
   * The page is seen (visible and focused) or not, and the notifying
   * watches' total now. While seen, every match is seen as it comes.
   */
  setSeen(seen: boolean, total: number): void {
    // Seen, or just stopped being seen: everything so far counts as seen.
    if (seen || this.seeing) this.baseline = total;
    this.seeing = seen;
  }

  /** Matches not seen yet, given the notifying watches' total now. */
  unseen(total: number): number {
    if (this.seeing) {
      this.baseline = total;
      return 0;
    }
    // A watch removed meanwhile takes its count with it: never below zero.
    if (total < this.baseline) this.baseline = total;
    return total - this.baseline;
  }
}

/** "(3) Warren", or the title as it was when nothing is unseen. */
export function titleWithCount(baseTitle: string, unseen: number): string {
  if (unseen <= 0) return baseTitle;
  return `(${unseen > 999 ? '999+' : unseen}) ${baseTitle}`;
}
