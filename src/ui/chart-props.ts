/**
 * Props both chart features give recharts when Warren draws a chart's content
 * from recharts' scales (README Performance, "Rate charts drawn from
 * recharts' scales"), the same objects at every render. No recharts import:
 * anything behind this folder's index lands in the eagerly loaded bundle
 * (a recharts hook exported here once pulled ~55 KB gzip of recharts into it).
 */

/** What the chart's own x axis is given for ticks while Warren draws the labels (TimeTickLabels): none. */
export const NO_TICKS: number[] = [];

/**
 * A `<Tooltip wrapperStyle>`: recharts hides its tooltip box while no
 * graphical item of its own has a value under the pointer, which, with the
 * content drawn by Warren, is always; the tooltip content draws nothing while inactive.
 */
export const TOOLTIP_SHOWN = { visibility: 'visible' } as const;
