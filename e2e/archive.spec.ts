/**
 * Export and import of capture files (issue 11) against the real stack:
 * messages go origin → shovel → mirror → page, are exported from a filtered
 * view, and come back in a fresh page that has no broker.
 */
import { expect, test, type Page } from './support/test.ts';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { applyFilter, openDashboard } from './support/page.ts';
import { publishNumbered, runId, type NumberedMessage } from './support/origin.ts';

interface FileLine {
  v: number;
  receivedAt: number;
  exchange: string;
  routingKey: string;
  subscription: string;
  headers: Record<string, string>;
  bodyEncoding: 'utf8' | 'base64';
  body: string;
}

const parseFile = (bytes: Buffer): FileLine[] =>
  bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as FileLine);

const bodyBytes = (line: FileLine) => Buffer.from(line.body, line.bodyEncoding === 'utf8' ? 'utf8' : 'base64');

/** Clicks Export with the given scope and returns the downloaded file's bytes and name. */
async function exportFile(page: Page, scope: 'visible' | 'all'): Promise<{ name: string; path: string; bytes: Buffer }> {
  await page.getByLabel('What to export').selectOption(scope);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** A page with no broker: `broker=` overrides the served runtime config. */
async function openWithoutBroker(page: Page): Promise<void> {
  await page.goto('/?broker=');
  await expect(page.getByTestId('connection-status')).toContainText('disconnected');
}

test('a filtered view exported and imported in a fresh page without a broker: same count, bodies byte for byte, same headers', async ({ page, context }) => {
  const run = runId();
  const sub = `/exchange/app.events/${run}.#`;
  const binary = Buffer.from([0x00, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x41, 0x0a, 0x0d]);
  const unicode = 'Zoë 😀 日本語 \u2028 "quoted" <b>not bold</b>';
  const special: Record<number, Partial<NumberedMessage>> = {
    2: { body: binary, contentType: 'application/octet-stream' },
    4: { body: unicode, headers: { 'x-note': 'ünïcödé 🦄' } },
    6: { body: '' },
  };
  const count = 24;
  const kept = (seq: number) => seq % 2 === 0;
  const published = (seq: number): NumberedMessage => ({
    exchange: 'app.events',
    routingKey: `${run}.${kept(seq) ? 'keep' : 'skip'}.${seq}`,
    ...special[seq],
    headers: { 'x-case': `case-${seq}`, ...special[seq]?.headers },
  });
  const expectedBody = (seq: number) => {
    const body = published(seq).body ?? JSON.stringify({ seq, key: published(seq).routingKey });
    return Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  };

  await openDashboard(page, { subscriptions: [sub] });
  await publishNumbered(count, published);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(count));
  await applyFilter(page, `${run}.keep.*`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(count / 2));

  // The export of the visible rows holds exactly them, with the bytes published.
  const exported = await exportFile(page, 'visible');
  const lines = parseFile(exported.bytes);
  expect(lines.map((l) => Number(l.headers['x-warren-seq']))).toEqual(Array.from({ length: count / 2 }, (_, i) => 2 * (i + 1)));
  for (const line of lines) {
    const seq = Number(line.headers['x-warren-seq']);
    expect(line).toMatchObject({ v: 1, exchange: 'app.events', routingKey: `${run}.keep.${seq}`, subscription: sub });
    expect(line.headers).toMatchObject({ destination: `/exchange/app.events/${run}.keep.${seq}`, 'x-case': `case-${seq}` });
    expect(bodyBytes(line).equals(expectedBody(seq)), `body of seq ${seq}`).toBe(true);
  }
  expect(lines.find((l) => l.headers['x-warren-seq'] === '2')?.bodyEncoding).toBe('base64');
  expect(lines.find((l) => l.headers['x-warren-seq'] === '4')).toMatchObject({ bodyEncoding: 'utf8', body: unicode });

  // A fresh page with no broker opens the file.
  const fresh = await context.newPage();
  await openWithoutBroker(fresh);
  await fresh.getByTestId('import-input').setInputFiles(exported.path);
  await expect(fresh.getByTestId('connection-status')).toContainText(`file: ${exported.name}`);
  await expect(fresh.getByTestId('connection-status')).toContainText('disconnected');
  await expect(fresh.getByTestId('visible-count')).toHaveAttribute('data-value', String(count / 2));
  await expect(fresh.getByTestId('import-result')).toHaveAttribute('data-kept', String(count / 2));
  await expect(fresh.getByTestId('import-errors')).toHaveCount(0);
  // The served subscriptions wait for a connection, and say so.
  await expect(fresh.getByTestId('subscription-list').locator('[data-state="pending"]').first()).toContainText('not connected');

  // Table, filter and inspector work on the imported messages.
  await applyFilter(fresh, `${run}.keep.4`);
  await expect(fresh.getByTestId('visible-count')).toHaveAttribute('data-value', '1');
  await fresh.getByTestId('message-row').first().click();
  await expect(fresh.getByTestId('inspector-payload')).toContainText('Zoë 😀 日本語');
  await expect(fresh.getByTestId('inspector-headers')).toContainText('ünïcödé 🦄');
  await expect(fresh.getByTestId('inspector')).toContainText(`${sub} (from a file)`);
  await applyFilter(fresh, '');
  await expect(fresh.getByTestId('visible-count')).toHaveAttribute('data-value', String(count / 2));

  // Exported again from the fresh page: the same messages, line for line.
  const again = parseFile((await exportFile(fresh, 'all')).bytes);
  expect(again).toEqual(lines);
  await fresh.close();
});

test('a gzip file dropped on the page imports; a file with 3 bad lines imports the rest and lists the 3 as text', async ({ page }) => {
  const line = (n: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      v: 1,
      receivedAt: 1_764_547_200_000 + n * 1000,
      exchange: 'app.events',
      routingKey: `imported.${n}`,
      subscription: '/exchange/app.events/#',
      headers: { destination: `/exchange/app.events/imported.${n}`, 'content-type': 'application/json', 'x-warren-seq': String(n) },
      bodyEncoding: 'utf8',
      body: `{"n":${n}}`,
      ...extra,
    });
  await openWithoutBroker(page);

  // Dropped anywhere on the page, gzip'd (recognised by its magic bytes).
  const gz = gzipSync([1, 2, 3].map((n) => line(n)).join('\n'));
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.ndjson.gz'));
    return transfer;
  }, [...gz]);
  await page.locator('body').dispatchEvent('dragenter', { dataTransfer });
  await page.locator('body').dispatchEvent('dragover', { dataTransfer });
  await page.locator('body').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('connection-status')).toContainText('file: dropped.ndjson.gz');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '3');

  // Three bad lines among good ones, CRLF endings; one quotes markup that must stay text.
  const file = [
    line(1),
    '{"v":1,"receivedAt":1, <img src=x onerror="document.title=\'pwned\'">',
    line(2),
    line(3, { routingKey: undefined }),
    line(4),
    line(5),
    line(6, { bodyEncoding: 'base64', body: '<b>not base64</b>' }),
    line(7),
  ].join('\r\n');
  await page.getByTestId('import-input').setInputFiles({ name: 'three-bad.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
  await expect(page.getByTestId('connection-status')).toContainText('file: three-bad.ndjson');
  const errors = page.getByTestId('import-errors');
  await expect(errors.locator('li')).toHaveCount(3);
  await expect(errors.locator('li').nth(0)).toHaveText(/^line 2: not JSON \(/);
  await expect(errors.locator('li').nth(1)).toHaveText('line 4: no routingKey');
  await expect(errors.locator('li').nth(2)).toHaveText('line 7: body is not valid base64');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '5');
  // The import replaced the dropped file's messages.
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '5');
  await expect(errors.locator('img, b')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
});

// Several megabytes: the page's chunk buffers go to the export worker and come back to be
// refilled (blob-sink.ts), and the worker gzips with the browser's zlib (native-gzip.ts).
const DISK_TEST_MESSAGES = 8_000;

test('an export too big for the Blob store goes to a file on disk (forced with ?exportTo=file): byte for byte the file the Blob store gives, plain and gzip', async ({ page, context }) => {
  const source = Array.from({ length: DISK_TEST_MESSAGES }, (_, n) =>
    JSON.stringify({
      v: 1,
      receivedAt: 1_764_547_200_000 + n * 250,
      exchange: 'app.events',
      routingKey: `disk.${n % 3}.${n}`,
      subscription: '/exchange/app.events/#',
      headers: { destination: `/exchange/app.events/disk.${n % 3}.${n}`, 'x-warren-seq': String(n + 1), 'x-note': n % 5 === 0 ? 'ünïcödé 🦄' : 'plain' },
      bodyEncoding: n % 7 === 0 ? 'base64' : 'utf8',
      body: n % 7 === 0 ? Buffer.from([0, 255, 254, n % 256]).toString('base64') : JSON.stringify({ n, text: 'Zoë 日本語 '.repeat(n % 4), pad: `${n}`.repeat(60 + (n % 90)) }),
    }),
  ).join('\n');
  const exportsOf = async (target: Page, query: string) => {
    await target.goto(`/?broker=${query}`);
    await expect(target.getByTestId('connection-status')).toContainText('disconnected');
    await target.getByTestId('import-input').setInputFiles({ name: 'source.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(source) });
    await expect(target.getByTestId('visible-count')).toHaveAttribute('data-value', String(DISK_TEST_MESSAGES));
    const onDisk = query === '' ? 'false' : 'true';
    const plain = await exportFile(target, 'all');
    await expect(target.getByTestId('export-result')).toHaveAttribute('data-on-disk', onDisk);
    await target.getByRole('checkbox', { name: 'gzip' }).check();
    const gzip = await exportFile(target, 'all');
    await expect(target.getByTestId('export-result')).toHaveAttribute('data-on-disk', onDisk);
    return { plain: plain.bytes, gzip: gunzipSync(gzip.bytes) };
  };
  const viaBlobs = await exportsOf(page, '');
  const disk = await context.newPage();
  const viaFile = await exportsOf(disk, '&exportTo=file');
  expect(viaBlobs.plain.length).toBeGreaterThan(3 * 2 ** 20);
  expect(parseFile(viaBlobs.plain)).toHaveLength(DISK_TEST_MESSAGES);
  expect(viaFile.plain.equals(viaBlobs.plain)).toBe(true);
  expect(viaFile.gzip.equals(viaBlobs.plain)).toBe(true);
  expect(viaBlobs.gzip.equals(viaBlobs.plain)).toBe(true);
  await disk.close();
});
