import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TimeTickLabels } from './time-tick-labels.tsx';

// Ticks 0, 10, 20, 30 at 10 px per unit; labels like "t20", 3 characters at 10 px: ~9 px either side.
const draw = (right: number) =>
  renderToStaticMarkup(
    createElement(TimeTickLabels, {
      ticks: [0, 10, 20, 30],
      xOf: (t: number) => 20 + t * 10,
      top: 100,
      right,
      label: (t: number) => `t${t}`,
      stroke: '#ccc',
      tick: { fontSize: 10, fill: '#333' },
      className: 'x-tick',
    }),
  );
const labels = (markup: string) => [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('TimeTickLabels', () => {
  it('places each label under its tick, below the plot', () => {
    const markup = draw(1000);
    expect(labels(markup)).toEqual(['t0', 't10', 't20', 't30']);
    expect(markup).toContain('<text class="x-tick" x="220" y="108"');
    expect(markup).toContain('<line x1="220" x2="220" y1="100" y2="106"');
  });

  it('leaves out a label that would cross the chart’s right edge, where it would be cut', () => {
    // t30 is centred at 320 and ~9 px wide either side.
    expect(labels(draw(330))).toEqual(['t0', 't10', 't20', 't30']);
    expect(labels(draw(325))).toEqual(['t0', 't10', 't20']);
  });
});
