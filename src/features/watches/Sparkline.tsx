/** Matches per minute over the last hour as a tiny bar line (oldest left); drawn with the theme's accent. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const max = Math.max(1, ...values);
  const width = values.length * 2;
  const height = 14;
  let d = '';
  values.forEach((v, i) => {
    if (v > 0) {
      const h = Math.max(1, Math.round((v / max) * height));
      d += `M${i * 2 + 0.5} ${height}v${-h}`;
    }
  });
  return (
    <svg className="watch-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
      <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className="baseline" />
      {d && <path d={d} className="bars" />}
    </svg>
  );
}
