import { describe, expect, it } from 'vitest';
import { appEvent } from '../model/fixtures/messages.ts';
import { diffEnvelopes, envelopeFields } from './headers.ts';

describe('diffEnvelopes', () => {
  it('lists the properties and headers that differ, and counts the identical ones', () => {
    const left = appEvent({ 'content-type': 'application/json', 'correlation-id': 'c-1', tenant: 'acme', 'x-only-left': '1' }, '{}', 'orders.eu.created');
    const right = appEvent({ 'content-type': 'application/json', 'correlation-id': 'c-2', tenant: 'acme', 'x-only-right': '2' }, '{}', 'orders.us.created');
    const diff = diffEnvelopes(left, right);
    expect(diff.entries).toEqual([
      { path: 'routing-key', kind: 'changed', old: 'orders.eu.created', new: 'orders.us.created' },
      { path: 'prop:correlation-id', kind: 'changed', old: 'c-1', new: 'c-2' },
      { path: 'header:x-only-left', kind: 'removed', old: '1' },
      { path: 'header:x-only-right', kind: 'added', new: '2' },
    ]);
    expect(diff.identical.map((f) => f.path).sort()).toEqual(['exchange', 'header:tenant', 'prop:content-type', 'prop:redelivered']);
  });

  it('leaves out the STOMP delivery headers, which always differ', () => {
    const fields = envelopeFields(appEvent({ tenant: 'acme' }, 'x'));
    expect([...fields.keys()].some((k) => /message-id|subscription|destination|content-length/.test(k))).toBe(false);
    expect(diffEnvelopes(appEvent({}, 'x'), appEvent({}, 'x')).entries).toEqual([]);
  });

  it('treats hostile header names and huge values as plain data', () => {
    const huge = 'v'.repeat(1_000_000);
    const left = appEvent({ constructor: 'a', toString: 'b', __proto__x: '<img src=x onerror=alert(1)>', big: huge }, 'x');
    const right = appEvent({ constructor: 'a', toString: 'c', big: `${huge}w` }, 'x');
    const diff = diffEnvelopes(left, right);
    expect(diff.entries.map((e) => [e.path, e.kind])).toEqual([
      ['header:toString', 'changed'],
      ['header:__proto__x', 'removed'],
      ['header:big', 'changed'],
    ]);
    expect(diff.entries[2]?.old?.length).toBeLessThanOrEqual(300);
    expect(diff.identical.map((f) => f.path)).toContain('header:constructor');
  });

  it('lists a property whose value is not a valid property as a custom header', () => {
    // RabbitMQ never writes priority "high": it is a custom header named like the property.
    expect([...envelopeFields(appEvent({ priority: 'high' }, 'x')).keys()]).toContain('header:priority');
    expect([...envelopeFields(appEvent({ priority: '5' }, 'x')).keys()]).toContain('prop:priority');
  });
});
