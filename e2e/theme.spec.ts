import { expect, test, type Page } from './support/test.ts';
import { openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

/** WCAG contrast ratio of two computed CSS colours (rgb()/rgba() over an opaque background). */
async function contrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    // The first ancestor with an opaque background is what the text is drawn on.
    let node: Element | null = el;
    let background = [0, 0, 0];
    while (node) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg.length === 3 || (bg.length === 4 && bg[3] === 1)) {
        background = bg.slice(0, 3);
        break;
      }
      node = node.parentElement;
    }
    const a = luminance(parse(getComputedStyle(el).color));
    const b = luminance(background);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

/** Text the user reads in the table, the inspector and the charts: each at least WCAG AA (4.5:1). */
async function expectReadable(page: Page) {
  for (const selector of [
    // A row's plain text (the key among it) and its muted runs (the time, the preview).
    '[data-testid="message-row"]',
    '[data-testid="message-row"] .cell-muted',
    '.table-head',
    '.inspector-section .field-list dt',
    '.json-tree .jt-key',
    '.json-tree .jt-string',
    '.json-tree .jt-number',
    '.rate-summary',
    '.panel h2',
  ]) {
    expect(await contrast(page, selector), selector).toBeGreaterThanOrEqual(4.5);
  }
  // Chart axis labels are SVG text: their fill against the panel.
  const axisFill = await page.locator('[data-testid="rate-chart-messages"] .recharts-cartesian-axis-tick-value').first().getAttribute('fill');
  expect(axisFill).toMatch(/^#/);
  // The minute labels under the x axis are Warren's own (window-axis.tsx): the same colour as recharts' labels.
  await expect(page.locator('[data-testid="rate-chart-messages"] .rate-time-tick').first()).toHaveAttribute('fill', axisFill ?? '');
}

test('light and dark themes: the toggle cycles Auto → Light → Dark, follows the system on Auto, is remembered, and both are readable', async ({ page }) => {
  const run = runId();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishNumbered(3, (seq) => ({ exchange: 'app.events', routingKey: `${run}.orders.created`, body: JSON.stringify({ order_id: `ord_${seq}`, total_cents: 1000 + seq }) }));
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '3');
  await page.locator('[data-testid="message-row"]').first().click();
  await expect(page.getByTestId('inspector')).toBeVisible();

  const html = page.locator('html');
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle).toHaveAttribute('data-choice', 'system');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expectReadable(page);
  await page.screenshot({ path: test.info().outputPath('light.png') });

  await toggle.click();
  await expect(toggle).toHaveAttribute('data-choice', 'light');
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-choice', 'dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expectReadable(page);
  await page.screenshot({ path: test.info().outputPath('dark.png') });

  // An explicit choice wins over the system's preference, and survives a reload.
  await page.reload();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-choice', 'dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-choice', 'system');
  await expect(html).toHaveAttribute('data-theme', 'light');
});
