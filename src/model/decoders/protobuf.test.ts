import { Root } from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { appEvent } from '../fixtures/messages.ts';
import { autoChoice } from './decoder-choice.ts';
import { compileSchemaLazily } from './protobuf-loader.ts';
import type { LoadedSchema } from './protobuf-types.ts';
import { readPayload } from './read-payload.ts';
import { SchemaRegistry } from './schema-registry.ts';
import SHOP_PROTO from '../../../e2e/fixtures/shop.proto?raw';



/** Encodes with protobufjs in the test only (node allows its generated code; the page never encodes). */
function encodeOrder(value: Record<string, unknown>): Uint8Array {
  const parsed = Root.fromJSON({
    nested: {
      Line: { fields: { sku: { type: 'string', id: 1 }, qty: { type: 'int32', id: 2 } } },
      Order: {
        fields: {
          order_id: { type: 'string', id: 1 },
          total_cents: { type: 'int64', id: 2 },
          region: { type: 'int32', id: 3 },
          lines: { rule: 'repeated', type: 'Line', id: 4 },
          tags: { keyType: 'string', type: 'string', id: 5 } as { type: string; id: number },
          signature: { type: 'bytes', id: 6 },
          note: { type: 'string', id: 7 },
          iban: { type: 'string', id: 9 },
        },
      },
    },
  });
  const Order = parsed.lookupType('Order');
  return Order.encode(Order.fromObject(value)).finish();
}

async function shopSchema(mappings: LoadedSchema['mappings'] = []): Promise<LoadedSchema> {
  const compiled = await compileSchemaLazily({ id: 's1', fileName: 'shop.proto', kind: 'proto', content: SHOP_PROTO, mappings });
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.schema;
}

describe('protobuf schemas', () => {
  it('compiles a .proto with enums, maps, oneofs, optional and a well-known import', async () => {
    const schema = await shopSchema();
    expect(schema.types.map((t) => t.name)).toEqual(['shop.v1.Line', 'shop.v1.Order']);
  });

  it('decodes to canonical JSON: int64 as string, bytes as base64, enums by name, defaults omitted', async () => {
    const schema = await shopSchema();
    const order = schema.types.find((t) => t.name === 'shop.v1.Order');
    const bytes = encodeOrder({ order_id: 'ord_9', total_cents: '9007199254740993', region: 1, lines: [{ sku: 'A', qty: 2 }], tags: { vip: 'yes' }, signature: [1, 2, 3], iban: 'FR76' });
    expect(order?.decode(bytes)).toEqual({
      ok: true,
      value: { order_id: 'ord_9', total_cents: '9007199254740993', region: 'EU_WEST', lines: [{ sku: 'A', qty: 2 }], tags: { vip: 'yes' }, signature: 'AQID', iban: 'FR76' },
    });
  });

  it('fails clearly on truncated bytes and on bytes of another shape', async () => {
    const order = (await shopSchema()).types.find((t) => t.name === 'shop.v1.Order');
    const bytes = encodeOrder({ order_id: 'ord_9', total_cents: 5 });
    // Cut inside order_id's 5 bytes (cutting between fields would still be a valid, shorter message).
    expect(order?.decode(bytes.subarray(0, 4)).ok).toBe(false);
    expect(order?.decode(new TextEncoder().encode('{"order_id": "x"}')).ok).toBe(false);
  });

  it('reports a syntax error with its line', async () => {
    const broken = 'syntax = "proto3";\nmessage A {\n  strin x = 1\n}\n';
    const compiled = await compileSchemaLazily({ id: 'b', fileName: 'bad.proto', kind: 'proto', content: broken, mappings: [] });
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) {
      expect(compiled.error.line).toBe(4);
      expect(compiled.error.message).toMatch(/illegal token/);
    }
    const unknown = await compileSchemaLazily({ id: 'u', fileName: 'u.proto', kind: 'proto', content: 'syntax = "proto3";\nmessage A { Foo x = 1; }', mappings: [] });
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Foo/) } });
    const garbage = await compileSchemaLazily({ id: 'g', fileName: 'g.desc', kind: 'descriptor-set', content: new Uint8Array([0xff, 0xff, 0xff]), mappings: [] });
    expect(garbage.ok).toBe(false);
  });

  it('maps messages to types by type property, content type parameter, content type and routing key', async () => {
    const registry = new SchemaRegistry();
    registry.add(await shopSchema([{ kind: 'routing-key', pattern: 'orders.*.placed', messageType: 'shop.v1.Order' }, { kind: 'type', pattern: 'line', messageType: 'shop.v1.Line' }]));
    const body = encodeOrder({ order_id: 'ord_rk', total_cents: 12 });
    expect(autoChoice(appEvent({}, body, 'orders.eu.placed'), registry)).toEqual({ decoder: 'protobuf', protoType: 'shop.v1.Order' });
    expect(autoChoice(appEvent({ type: 'line' }, body, 'x'), registry)).toEqual({ decoder: 'protobuf', protoType: 'shop.v1.Line' });
    expect(autoChoice(appEvent({ type: 'shop.v1.Order' }, body, 'x'), registry)).toEqual({ decoder: 'protobuf', protoType: 'shop.v1.Order' });
    expect(autoChoice(appEvent({ 'content-type': 'application/x-protobuf; messageType=shop.v1.Line' }, body, 'orders.eu.placed'), registry)).toEqual({ decoder: 'protobuf', protoType: 'shop.v1.Line' });
    // JSON labelled as such stays JSON even under a mapped routing key.
    expect(autoChoice(appEvent({ 'content-type': 'application/json' }, '{}', 'orders.eu.placed'), registry)).toEqual({ decoder: 'json' });
    expect(autoChoice(appEvent({}, body, 'payments.x'), registry)).toBeNull();

    const reading = readPayload(appEvent({}, body, 'orders.eu.placed'), null, registry);
    expect(reading).toMatchObject({ label: 'Protobuf shop.v1.Order', hasValue: true, value: { order_id: 'ord_rk', total_cents: '12' } });
    registry.remove('s1');
    expect(autoChoice(appEvent({}, body, 'orders.eu.placed'), registry)).toBeNull();
  });

  it('says so when a protobuf body has no known type', () => {
    const reading = readPayload(appEvent({ 'content-type': 'application/x-protobuf' }, new Uint8Array([8, 1])), null, new SchemaRegistry());
    expect(reading.hasValue).toBe(false);
    expect(reading.error).toMatch(/^Protobuf decoding failed: no message type is known/);
  });
});
