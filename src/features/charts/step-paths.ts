/**
 * SVG paths of stacked step areas, the shape recharts draws for
 * `<Area type="step" stackId>` (d3's `curveStep`: each value holds from the
 * midpoint before its second to the midpoint after it), built as strings.
 *
 * Why by hand: one redraw of the messages chart through recharts' `<Area>`s
 * was ~60-75 ms on the bench machine (six series × 300 seconds), nearly all
 * of it per point inside recharts (label entries, baseline pairing, selectors,
 * layers re-mounted). These paths are a few thousand numbers joined into
 * strings; recharts still draws the axes, grid, tooltip and band.
 *
 * @module
 */

/** One layer of the stack: its values per second (a missing value is 0). */
export interface StepLayer {
  values: ArrayLike<number>;
}

/** The outline of a layer (closed, for the fill) and its top edge (for the stroke). */
export interface StepLayerPath {
  area: string;
  top: string;
}

/** Pixel coordinates are kept to a tenth: shorter strings, no visible difference. */
const px = (v: number) => Math.round(v * 10) / 10;

/**
 * Paths for `layers` stacked bottom-up (the first layer lies on 0), over
 * `xs` (one x per second, increasing), with `y` mapping a stacked value to
 * pixels. With fewer than one point there is nothing to draw.
 */
export function stackedStepPaths(xs: ArrayLike<number>, layers: readonly StepLayer[], y: (value: number) => number): StepLayerPath[] {
  const n = xs.length;
  const base = new Float64Array(n);
  const top = new Float64Array(n);
  const mids = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) mids[i - 1] = px(((xs[i - 1] ?? 0) + (xs[i] ?? 0)) / 2);
  const first = px(xs[0] ?? 0);
  const last = px(xs[n - 1] ?? 0);
  return layers.map((layer) => {
    for (let i = 0; i < n; i++) top[i] = (base[i] ?? 0) + (layer.values[i] ?? 0);
    if (n === 0) return { area: '', top: '' };
    const edge = stepLine(first, last, mids, top, y);
    const area = `${edge}V${px(y(base[n - 1] ?? 0))}${stepBack(first, mids, base, y)}Z`;
    base.set(top);
    return { area, top: edge };
  });
}

/** `M x0 y0 H m1 V y1 H m2 V y2 … H xn`: left to right along `values`. */
function stepLine(first: number, last: number, mids: Float64Array, values: Float64Array, y: (value: number) => number): string {
  let prev = px(y(values[0] ?? 0));
  const parts: string[] = [`M${first},${prev}`];
  for (let i = 1; i < values.length; i++) {
    const next = px(y(values[i] ?? 0));
    if (next !== prev) {
      parts.push(`H${mids[i - 1] ?? 0}V${next}`);
      prev = next;
    }
  }
  parts.push(`H${last}`);
  return parts.join('');
}

/** The same steps right to left along `values`, from the last point (already reached) back to the first x. */
function stepBack(first: number, mids: Float64Array, values: Float64Array, y: (value: number) => number): string {
  const n = values.length;
  let prev = px(y(values[n - 1] ?? 0));
  const parts: string[] = [];
  for (let i = n - 2; i >= 0; i--) {
    const next = px(y(values[i] ?? 0));
    if (next !== prev) {
      parts.push(`H${mids[i] ?? 0}V${next}`);
      prev = next;
    }
  }
  parts.push(`H${first}`);
  return parts.join('');
}
