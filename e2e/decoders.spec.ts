/**
 * Decoders on the real stack: bodies published to the origin as MessagePack,
 * CBOR, zstd-compressed JSON, base64 JSON and protobuf (with a .proto the
 * test loads through the page) reach the inspector decoded, with known field
 * values; corrupt ones show the decoder's note and the hex view; "decode
 * as…" switches one message's reading.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './support/test.ts';
import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { encode as encodeCbor } from 'cborg';
import protobuf from 'protobufjs';
import { numbered, publishNumbered, runId, withOriginPublisher, type NumberedMessage } from './support/origin.ts';
import { openDashboard } from './support/page.ts';

const SHOP_PROTO = new URL('./fixtures/shop.proto', import.meta.url).pathname;
/** `zstd -19` of {"order_id":"ord_zstd_1","region":"eu-west","total_cents":7350,...} (Node's zlib has no zstd). */
const ZSTD_ORDER = readFileSync(new URL('./fixtures/order.json.zst', import.meta.url));

async function inspect(page: Page, routingKey: string) {
  await page.locator(`[data-testid="message-row"][data-routing-key="${routingKey}"]`).click();
  await expect(page.getByTestId('inspector')).toBeVisible();
}

/** Encodes an Order with the same .proto the page loads (Node allows protobufjs's generated code; the page never encodes). */
function encodeShopOrder(value: Record<string, unknown>): Buffer {
  const { root } = protobuf.parse(readFileSync(SHOP_PROTO, 'utf8').replace(/^import .*$/m, '').replace(/^\s*google\.protobuf\.Timestamp .*$/m, ''), { keepCase: true });
  const Order = root.lookupType('shop.v1.Order');
  return Buffer.from(Order.encode(Order.fromObject(value)).finish());
}

test('MessagePack, CBOR, zstd and base64 bodies show decoded; corrupt ones show the note and hex; decode as… switches', async ({ page }) => {
  const run = runId();
  const order = { order_id: 'ord_mp_1', total_cents: 5150, customer: { country: 'FR' } };
  const messages: NumberedMessage[] = [
    { exchange: 'app.events', routingKey: `${run}.msgpack`, body: Buffer.from(encodeMsgpack(order)), contentType: 'application/msgpack' },
    { exchange: 'app.events', routingKey: `${run}.cbor`, body: Buffer.from(encodeCbor({ ...order, order_id: 'ord_cbor_1' })), contentType: 'application/cbor' },
    { exchange: 'app.events', routingKey: `${run}.zstd`, body: ZSTD_ORDER, contentType: 'application/json', contentEncoding: 'zstd' },
    { exchange: 'app.events', routingKey: `${run}.b64`, body: Buffer.from(JSON.stringify({ order_id: 'ord_b64_1' })).toString('base64'), contentType: 'text/plain' },
    // A map of two entries that stops after its first key.
    { exchange: 'app.events', routingKey: `${run}.badmsgpack`, body: Buffer.from([0x82, 0xa1, 0x61]), contentType: 'application/msgpack' },
    { exchange: 'app.events', routingKey: `${run}.badzstd`, body: Buffer.concat([ZSTD_ORDER.subarray(0, 8), Buffer.alloc(40, 0xff)]), contentType: 'application/json', contentEncoding: 'zstd' },
  ];
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishNumbered(messages.length, (seq) => messages[seq - 1]!);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(messages.length));

  const payload = page.getByTestId('inspector-payload');
  const decodeAs = page.getByTestId('inspector-decode-as');

  await inspect(page, `${run}.msgpack`);
  await expect(page.getByTestId('inspector-view-decoded')).toHaveAttribute('aria-pressed', 'true');
  await expect(payload.locator('.json-tree')).toContainText('"ord_mp_1"');
  await expect(payload.locator('.json-tree')).toContainText('5150');
  await expect(decodeAs.locator('option:checked')).toHaveText('Auto (MessagePack)');

  // Decode as CBOR: the same bytes fail as CBOR, with a note and the hex view; back to Auto reads them again.
  await decodeAs.selectOption({ label: 'CBOR' });
  await expect(page.getByTestId('inspector-decode-error')).toContainText('CBOR decoding failed');
  await expect(page.getByTestId('inspector-hex')).toBeVisible();
  await expect(page.getByTestId('inspector-view-decoded')).toHaveCount(0);
  await decodeAs.selectOption('auto');
  await expect(payload.locator('.json-tree')).toContainText('"ord_mp_1"');
  await expect(page.getByTestId('inspector-decode-error')).toHaveCount(0);

  await inspect(page, `${run}.cbor`);
  await expect(payload.locator('.json-tree')).toContainText('"ord_cbor_1"');
  await expect(decodeAs.locator('option:checked')).toHaveText('Auto (CBOR)');

  await inspect(page, `${run}.zstd`);
  await expect(payload).toContainText('zstd-decoded (135 bytes');
  await expect(payload.locator('.json-tree')).toContainText('"ord_zstd_1"');
  await expect(payload.locator('.json-tree')).toContainText('7350');

  await inspect(page, `${run}.b64`);
  await expect(decodeAs.locator('option:checked')).toHaveText('Auto (Base64 → JSON)');
  await expect(payload.locator('.json-tree')).toContainText('"ord_b64_1"');
  // Decode as Text: the base64 itself.
  await decodeAs.selectOption({ label: 'Text' });
  await expect(page.getByTestId('inspector-text')).toHaveText(Buffer.from(JSON.stringify({ order_id: 'ord_b64_1' })).toString('base64'));

  await inspect(page, `${run}.badmsgpack`);
  await expect(page.getByTestId('inspector-decode-error')).toHaveAttribute('role', 'note');
  await expect(page.getByTestId('inspector-decode-error')).toContainText('MessagePack decoding failed');
  await expect(page.getByTestId('inspector-hex')).toContainText('82 a1 61');

  await inspect(page, `${run}.badzstd`);
  await expect(page.getByTestId('inspector-warning')).toContainText('Could not decompress (content-encoding zstd)');
  await expect(page.getByTestId('inspector-hex')).toContainText('28 b5 2f fd');
});

test('protobuf: a .proto loaded in the page decodes by content-type parameter and by a routing-key mapping, survives a reload, and a bad .proto says its line', async ({ page }) => {
  const run = runId();
  const order = { order_id: 'ord_pb_1', total_cents: '9007199254740993', region: 1, lines: [{ sku: 'SKU-9', qty: 3 }], iban: 'FR7630006' };
  const byParameter = numbered(1, { exchange: 'app.events', routingKey: `${run}.orders.typed`, body: encodeShopOrder(order), contentType: 'application/x-protobuf; messageType=shop.v1.Order' });
  const unlabelled = numbered(2, { exchange: 'app.events', routingKey: `${run}.orders.eu.placed`, body: encodeShopOrder({ ...order, order_id: 'ord_pb_2' }) });
  unlabelled.options = { ...unlabelled.options, contentType: undefined };

  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await withOriginPublisher(async (publisher) => {
    await publisher.publish(byParameter);
    await publisher.publish(unlabelled);
    await publisher.waitForConfirms();
  });
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '2');

  // No schema yet: the note says what is missing, and the bytes are shown.
  await inspect(page, `${run}.orders.typed`);
  await expect(page.getByTestId('inspector-decode-error')).toContainText('Protobuf shop.v1.Order decoding failed: no loaded schema defines shop.v1.Order');
  await expect(page.getByTestId('inspector-hex')).toBeVisible();

  // A .proto with a syntax error: its line, nothing loaded.
  const schemas = page.getByTestId('schemas-section');
  await schemas.locator('summary').click();
  await page.getByTestId('schema-file-input').setInputFiles({ name: 'broken.proto', mimeType: 'text/plain', buffer: Buffer.from('syntax = "proto3";\nmessage A {\n  strin x = 1\n}\n') });
  await expect(page.getByTestId('schema-error')).toContainText('broken.proto, line 4');
  await expect(page.getByTestId('schema-item')).toHaveCount(0);

  await page.getByTestId('schema-file-input').setInputFiles(SHOP_PROTO);
  await expect(page.getByTestId('schema-item')).toHaveAttribute('data-file', 'shop.proto');
  await expect(page.getByTestId('schema-item')).toContainText('shop.v1.Order');
  const payload = page.getByTestId('inspector-payload');
  await expect(payload.locator('.json-tree')).toContainText('"ord_pb_1"');
  // int64 as a string (exact past 2^53), enums by name.
  await expect(payload.locator('.json-tree')).toContainText('"9007199254740993"');
  await expect(payload.locator('.json-tree')).toContainText('"EU_WEST"');
  await expect(payload.locator('.json-tree')).toContainText('"FR7630006"');

  // The unlabelled one is just bytes until its routing key is mapped.
  await inspect(page, `${run}.orders.eu.placed`);
  await expect(page.getByTestId('inspector-decode-as').locator('option:checked')).toHaveText(/^Auto \((Hex|Text)\)$/);
  await page.getByTestId('schema-mapping-pattern').fill(`${run}.orders.*.placed`);
  await page.getByTestId('schema-mapping-type').selectOption('shop.v1.Order');
  await page.getByTestId('schema-mapping-add').click();
  await expect(page.getByTestId('schema-mapping')).toContainText(`${run}.orders.*.placed → shop.v1.Order (routing key)`);
  await expect(page.getByTestId('inspector-decode-as').locator('option:checked')).toHaveText('Auto (Protobuf shop.v1.Order)');
  await expect(payload.locator('.json-tree')).toContainText('"ord_pb_2"');

  // Kept in this browser: after a reload the schema and its mapping are back.
  await page.reload();
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  await page.evaluate(() => undefined);
  await expect(page.getByTestId('message-row')).toHaveCount(0);
  await withOriginPublisher(async (publisher) => {
    await publisher.publish(numbered(3, { exchange: 'app.events', routingKey: `${run}.orders.us.placed`, body: encodeShopOrder({ ...order, order_id: 'ord_pb_3' }), contentType: 'application/octet-stream' }));
    await publisher.waitForConfirms();
  });
  await inspect(page, `${run}.orders.us.placed`);
  await expect(page.getByTestId('schema-item')).toHaveAttribute('data-file', 'shop.proto');
  await expect(page.getByTestId('inspector-payload').locator('.json-tree')).toContainText('"ord_pb_3"');

  // Removed: gone from the list and from storage.
  await page.getByTestId('schema-remove').click();
  await expect(page.getByTestId('schema-item')).toHaveCount(0);
  await expect(page.getByTestId('inspector-view-decoded')).toHaveCount(0);
});
