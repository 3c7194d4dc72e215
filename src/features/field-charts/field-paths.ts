/**
 * SVG paths of a field chart's steps drawing, the shapes recharts drew for
 * it (`<Area type="linear">` of [min, max], `<Line type="linear">` per key,
 * both broken where a step has no value), built as strings.
 *
 * Why by hand: as for the rate charts (src/features/charts/step-paths.ts),
 * recharts' graphical items do per-point work at every redraw (entries,
 * selectors, layers re-mounted); these are a few thousand numbers joined.
 *
 * @module
 */

/** Pixel coordinates are kept to a tenth: shorter strings, no visible difference. */
const px = (v: number) => Math.round(v * 10) / 10;

/** One value per step, null where the step has none. */
export type StepValues = ArrayLike<number | null | undefined>;

const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;

/**
 * The band between `lows` and `highs` over `xs` (one x per step): one closed
 * outline per run of steps that have both, along the highs left to right and
 * back along the lows. A lone step is a vertical line, as recharts drew it.
 */
export function bandPath(xs: ArrayLike<number>, lows: StepValues, highs: StepValues, y: (value: number) => number): string {
  const parts: string[] = [];
  let runStart = -1;
  const close = (end: number) => {
    if (runStart < 0) return;
    for (let i = runStart; i < end; i++) parts.push(`${i === runStart ? 'M' : 'L'}${px(xs[i] ?? 0)},${px(y(highs[i] ?? 0))}`);
    for (let i = end - 1; i >= runStart; i--) parts.push(`L${px(xs[i] ?? 0)},${px(y(lows[i] ?? 0))}`);
    parts.push('Z');
    runStart = -1;
  };
  for (let i = 0; i < xs.length; i++) {
    if (has(lows[i]) && has(highs[i])) {
      if (runStart < 0) runStart = i;
    } else close(i);
  }
  close(xs.length);
  return parts.join('');
}

/** A key's mean line: its segments, and the steps with a value but no neighbour (drawn as dots, else nothing would show). */
export interface LinePath {
  d: string;
  lone: number[];
}

/** The polyline through `values` over `xs`, broken at every step without a value. */
export function linePath(xs: ArrayLike<number>, values: StepValues, y: (value: number) => number): LinePath {
  const parts: string[] = [];
  const lone: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const value = values[i];
    if (!has(value)) continue;
    const joinsPrevious = i > 0 && has(values[i - 1]);
    if (!joinsPrevious && !has(values[i + 1])) {
      lone.push(i);
      continue;
    }
    parts.push(`${joinsPrevious ? 'L' : 'M'}${px(xs[i] ?? 0)},${px(y(value))}`);
  }
  return { d: parts.join(''), lone };
}
