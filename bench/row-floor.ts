/**
 * `npx tsx bench/row-floor.ts [seconds] [updates per second] [rows per second] [text] [layout]`:
 * the floor under the page-at-rest
 * rows (bench/page-rest.ts), measured on a bare page in the same Chromium.
 * No React, no store, no socket: a scroller with the table's row markup
 * and CSS (45 pooled rows of 9 cells, absolutely positioned),
 * to which a timer appends what 50 msg/s brings at the table's cadence
 * (6 rows, 8 times a second) and scrolls to the bottom, as the table does
 * while following. Its main-thread busy share is what any DOM table costs
 * here to follow that stream; the gap to the real page's "charts collapsed"
 * row is what Warren's own code adds.
 *
 * What the floor is made of: `text` is `real` (each row its own text, the
 * default), `same` (every row the same text) or `empty` (no text at all);
 * `layout` is `runs` (the table's since 2026-12-05 late night, the default: one line
 * of text, each cell padded or cut to its column as
 * src/features/table/column-text.ts does, in runs of plain and muted text:
 * two spans and four text nodes a row), `line` (the same line as one text
 * node, no colours), `inline` (the table's on 2026-12-05: a span a cell), `grid` (the table's before: a
 * grid of clipped cells with ellipses), `flex` or `absolute` (each clipped
 * cell placed at a fixed left).
 */
import { chromium } from '@playwright/test';

const seconds = Number(process.argv[2] ?? 15);
const UPDATES_PER_SECOND = Number(process.argv[3] ?? 8);
/** 50 msg/s by default, spread over the updates. */
const ROWS_PER_UPDATE = Math.round(Number(process.argv[4] ?? 50) / UPDATES_PER_SECOND);
const TEXT = process.argv[5] ?? 'real';
const LAYOUT = process.argv[6] ?? 'runs';
const WIDTHS = [6, 70, 100, 110, 200, 70, 130, 150, 220];
/** Characters per column of the inline layout (the tag column is empty). */
const CHARS = [0, 8, 12, 14, 28, 9, 16, 18, 40];
const LAYOUTS: Record<string, string> = {
  inline: `.row { display: block; white-space: pre; overflow: hidden; text-overflow: ellipsis; line-height: 23px; border-left: 4px solid #36c; }
    .cell { overflow: visible; contain: none; }`,
  runs: `.row { display: block; white-space: pre; overflow: hidden; line-height: 23px; border-left: 4px solid #36c; } .muted { color: #777; }`,
  line: `.row { display: block; white-space: pre; overflow: hidden; line-height: 23px; border-left: 4px solid #36c; }`,
  grid: '',
  flex: `.row { display: flex; } .cell { flex: none; } ${WIDTHS.map((w, i) => `.cell:nth-child(${i + 1}) { width: ${w}px; }`).join(' ')}`,
  absolute: `.row { display: block; } .cell { position: absolute; top: 4px; height: 16px; } ${WIDTHS.map(
    (w, i) => `.cell:nth-child(${i + 1}) { left: ${8 + WIDTHS.slice(0, i).reduce((a, b) => a + b + 8, 0)}px; width: ${w}px; }`,
  ).join(' ')}`,
};
if (!(LAYOUT in LAYOUTS) || !['real', 'same', 'empty'].includes(TEXT)) throw new Error('text: real | same | empty; layout: inline | grid | flex | absolute');

const PAGE = `<!doctype html><html><head><style>
body { margin: 0; font: 13px sans-serif; }
.frame { position: relative; height: 750px; width: 1140px; }
.body { position: absolute; inset: 0; overflow: auto; contain: strict; }
.row { position: absolute; left: 0; right: 0; height: 24px; font-family: 'Liberation Mono', monospace; font-size: 12px;
  border-bottom: 1px solid #ddd; contain: size layout style; display: grid; align-items: center; gap: 8px; padding: 0 8px;
  grid-template-columns: 6px 70px 100px 110px minmax(140px, 1.2fr) 70px 130px minmax(120px, 1fr) minmax(160px, 2fr); }
.cell { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; contain: inline-size layout style; }
${LAYOUTS[LAYOUT]}
</style></head><body><div class="frame"><div class="body" id="b"><div id="s" style="position: relative; height: 0"></div></div></div>
<script>
let n = 0;
const pool = [];
const text = (i, c) => ['', String(i), '12:34:56.' + String(i % 1000).padStart(3, '0'), 'app.events', 'orders.eu.' + (i % 7) + '.created',
  (200 + (i % 50)) + ' B', 'application/json', 'corr-' + ((i * 7919) % 100000), '{"id":' + i + ',"customer":"c-' + (i % 300) + '","total":' + (i % 97) + '.5}'][c];
const chars = ${JSON.stringify(CHARS)};
const fit = (t, c) => !['inline', 'runs', 'line'].includes('${LAYOUT}') || c === 0 ? t : (t.length > chars[c] ? t.slice(0, chars[c] - 1) + '…' : t.padEnd(chars[c])) + ' ';
function append(k) {
  const s = document.getElementById('s');
  for (let j = 0; j < k; j++) {
    const i = n++;
    let row = pool.length >= 45 ? pool.shift() : null;
    if (!row) {
      row = document.createElement('div');
      row.className = 'row';
      if ('${LAYOUT}' === 'line') row.append('');
      // Plain, muted, plain, muted: the number; the time; the exchange to the task; the preview.
      else if ('${LAYOUT}' === 'runs') for (let r = 0; r < 4; r++) { if (r % 2) { const m = document.createElement('span'); m.className = 'muted'; m.append(''); row.append(m); } else row.append(''); }
      else for (let c = 0; c < 9; c++) { const cell = document.createElement('span'); cell.className = 'cell'; cell.append(''); row.append(cell); }
    }
    row.style.top = i * 24 + 'px';
    const cellText = (c) => '${TEXT}' === 'empty' ? '' : fit(text('${TEXT}' === 'same' ? 1 : i, c), c);
    const join = (from, to) => { let line = ''; for (let c = from; c < to; c++) line += cellText(c); return line; };
    if ('${LAYOUT}' === 'line') row.firstChild.data = join(0, 9);
    else if ('${LAYOUT}' === 'runs') [join(0, 2), join(2, 3), join(3, 8), join(8, 9)].forEach((t, r) => { const node = row.childNodes[r]; (r % 2 ? node.firstChild : node).data = t; });
    else for (let c = 0; c < 9; c++) row.children[c].firstChild.data = '${TEXT}' === 'empty' ? '' : fit(text('${TEXT}' === 'same' ? 1 : i, c), c);
    s.append(row);
    pool.push(row);
  }
  s.style.height = n * 24 + 'px';
  document.getElementById('b').scrollTop = n * 24;
}
window.follow = (k, everyMs) => setInterval(() => requestAnimationFrame(() => append(k)), everyMs);
</script></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.setContent(PAGE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  await page.evaluate(({ k, ms }) => (window as unknown as { follow(k: number, ms: number): void }).follow(k, ms), { k: ROWS_PER_UPDATE, ms: 1000 / UPDATES_PER_SECOND });
  await page.waitForTimeout(2000);
  const before = await metrics();
  const t0 = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const after = await metrics();
  const wall = (Date.now() - t0) / 1000;
  const share = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) / wall) * 100;
  console.log(
    `bare DOM table (${LAYOUT}, ${TEXT} text) following ${ROWS_PER_UPDATE * UPDATES_PER_SECOND} rows/s (${UPDATES_PER_SECOND} updates/s): main thread busy ${share('TaskDuration').toFixed(1)} % ` +
      `(script ${share('ScriptDuration').toFixed(1)} %, layout + style ${(share('LayoutDuration') + share('RecalcStyleDuration')).toFixed(1)} %) over ${wall.toFixed(0)} s`,
  );
} finally {
  await browser.close();
}
