/**
 * The one palette: Tableau 10 without its grey, which is kept for "other".
 * Subscriptions take colours in the order they were added; chart series
 * hash their name into it.
 */
export const PALETTE: readonly string[] = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];

/** For "other" and anything without a colour of its own. */
export const NEUTRAL_COLOR = '#6b7280';

/** The tag colour of the tab's n-th subscription (1-based). */
export function subscriptionColor(number: number): string {
  return PALETTE[(number - 1) % PALETTE.length] ?? NEUTRAL_COLOR;
}
