import { expect, test, type Page } from './support/test.ts';
import { gzipSync } from 'node:zlib';
import { int32 } from '../generator/message.ts';
import { openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

async function inspectRow(page: Page, routingKey: string) {
  await page.locator(`[data-testid="message-row"][data-routing-key="${routingKey}"]`).click();
  await expect(page.getByTestId('inspector')).toBeVisible();
}

test('the inspector shows the JSON tree, the hex of a binary body, gzip decoded and the Celery task', async ({ page }) => {
  const run = runId();
  const order = { order_id: 'ord_42', total: { amount: 1999, currency: 'EUR' }, lines: [{ sku: 'SKU-1', qty: 2 }] };
  const binary = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x41, 0x42, 0x43]);
  const taskId = `5b7c1f0e-${run}`;
  const messages = [
    { exchange: 'app.events', routingKey: `${run}.orders.eu.created`, body: JSON.stringify(order) },
    { exchange: 'app.events', routingKey: `${run}.blob`, body: binary, contentType: 'application/octet-stream' },
    { exchange: 'app.events', routingKey: `${run}.zipped`, body: gzipSync(JSON.stringify({ zipped: 'yes' })), contentEncoding: 'gzip' },
    {
      exchange: 'celery',
      routingKey: `${run}.celery`,
      body: JSON.stringify([[2, 3], { debug: true }, { callbacks: null, errbacks: null, chain: null, chord: null }]),
      headers: { lang: 'py', task: 'proj.tasks.add', id: taskId, root_id: taskId, retries: int32(1), argsrepr: '(2, 3)', kwargsrepr: "{'debug': True}" },
    },
  ];
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`, `/exchange/celery/${run}.#`] });
  await publishNumbered(messages.length, (seq) => messages[seq - 1]!);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(messages.length));

  // JSON: a collapsible tree with the known keys and values.
  await inspectRow(page, `${run}.orders.eu.created`);
  const payload = page.getByTestId('inspector-payload');
  await expect(payload.locator('.json-tree')).toContainText('order_id');
  await expect(payload.locator('.json-tree')).toContainText('"ord_42"');
  await expect(payload.locator('.json-tree')).toContainText('currency');
  await expect(page.getByTestId('inspector-headers')).toContainText('x-warren-seq');
  await expect(page.getByTestId('inspector-headers')).toContainText('x-shovelled-timestamp');

  // Binary: a hex dump of the exact bytes.
  await inspectRow(page, `${run}.blob`);
  await expect(page.getByTestId('inspector-hex')).toContainText('ff fe 00 80 41 42 43');
  await expect(page.getByTestId('inspector-hex')).toContainText('|....ABC|');

  // gzip: decoded by content-encoding before it is shown.
  await inspectRow(page, `${run}.zipped`);
  await expect(page.getByTestId('inspector-payload')).toContainText('gzip-decoded');
  await expect(page.getByTestId('inspector-payload').locator('.json-tree')).toContainText('"yes"');

  // Celery v2: task name, id, args, kwargs and retries from headers and body.
  await inspectRow(page, `${run}.celery`);
  const celery = page.getByTestId('inspector-celery');
  await expect(celery).toContainText('proj.tasks.add');
  await expect(celery).toContainText(taskId);
  await expect(celery).toContainText('debug');
  await expect(celery).toContainText('retries');
});
