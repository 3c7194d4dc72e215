import { describe, expect, it } from 'vitest';
import { mappingProblem, mappingText, newSchemaId, schemaKindOfFile } from './schema-files.ts';

describe('schema files', () => {
  it('tells .proto text from binary descriptor sets', () => {
    expect(schemaKindOfFile('shop.proto')).toBe('proto');
    expect(schemaKindOfFile('SHOP.PROTO')).toBe('proto');
    expect(schemaKindOfFile('shop.desc')).toBe('descriptor-set');
    expect(schemaKindOfFile('shop.binpb')).toBe('descriptor-set');
  });

  it('makes ids that sort by time of adding', () => {
    const ids = [newSchemaId(1_000, 0.9), newSchemaId(2_000, 0.1), newSchemaId(1_795_000_000_000, 0.5)];
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses empty and duplicate mappings, with the reason', () => {
    const existing = [{ kind: 'routing-key' as const, pattern: 'orders.#', messageType: 'shop.Order' }];
    expect(mappingProblem({ kind: 'routing-key', pattern: '  ', messageType: 'shop.Order' }, existing)).toBe('Type a pattern to match.');
    expect(mappingProblem({ kind: 'routing-key', pattern: 'orders.#', messageType: 'shop.Line' }, existing)).toBe('Routing key pattern "orders.#" is already mapped.');
    expect(mappingProblem({ kind: 'type', pattern: 'orders.#', messageType: 'shop.Line' }, existing)).toBeNull();
    expect(mappingText(existing[0]!)).toBe('orders.# → shop.Order (routing key)');
  });
});
