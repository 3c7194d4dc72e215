import { describe, expect, it } from 'vitest';
import { PayloadDecoding } from '../model/index.ts';
import { appEvent } from '../model/fixtures/messages.ts';
import { diffMessages } from './message-diff.ts';

const JSON_CT = { 'content-type': 'application/json' };
const payloads = new PayloadDecoding();

describe('diffMessages', () => {
  it('diffs structured bodies field by field', () => {
    const left = appEvent(JSON_CT, JSON.stringify({ a: 1, b: { c: 'x' } }));
    const right = appEvent(JSON_CT, JSON.stringify({ a: 2, b: { c: 'x' }, d: true }));
    const { body } = diffMessages(left, right, payloads);
    expect(body.kind).toBe('structured');
    expect(body.entries).toEqual([
      { path: '$.a', kind: 'changed', old: '1', new: '2' },
      { path: '$.d', kind: 'added', new: 'true' },
    ]);
  });

  it('uses whatever structured value the shared reader gives (other encodings)', () => {
    const reader = { valueOf: (m: { body: Uint8Array }) => ({ first: m.body[0] }) };
    const left = appEvent({ 'content-type': 'application/x-msgpack' }, new Uint8Array([1, 0xc1]));
    const right = appEvent({ 'content-type': 'application/x-msgpack' }, new Uint8Array([2, 0xc1]));
    expect(diffMessages(left, right, reader).body.entries).toEqual([{ path: '$.first', kind: 'changed', old: '1', new: '2' }]);
  });

  it('calls bodies identical when the bytes are, or when only their JSON formatting differs', () => {
    const same = diffMessages(appEvent(JSON_CT, '{"a":1}'), appEvent(JSON_CT, '{"a":1}'), payloads).body;
    expect(same).toEqual({ kind: 'identical', entries: [], notes: [] });
    const formatted = diffMessages(appEvent(JSON_CT, '{"a":1}'), appEvent(JSON_CT, '{ "a": 1 }'), payloads).body;
    expect(formatted.kind).toBe('identical');
    expect(formatted.notes[0]).toMatch(/decoded values are equal/);
  });

  it('falls back to a line diff for text, and for JSON against text', () => {
    const text = diffMessages(appEvent({ 'content-type': 'text/plain' }, 'one\ntwo'), appEvent({ 'content-type': 'text/plain' }, 'one\nthree'), payloads).body;
    expect(text.kind).toBe('text');
    expect(text.entries).toEqual([{ path: 'line:2', kind: 'changed', old: 'two', new: 'three' }]);
    expect(diffMessages(appEvent(JSON_CT, '{"a":1}'), appEvent({ 'content-type': 'text/plain' }, 'hello'), payloads).body.kind).toBe('text');
  });

  it('compares binary bodies byte by byte', () => {
    const body = diffMessages(appEvent({}, new Uint8Array([0, 1, 2, 0xff])), appEvent({}, new Uint8Array([0, 1, 3, 0xff])), payloads).body;
    expect(body.kind).toBe('binary');
    expect(body.entries).toEqual([{ path: 'offset:2', kind: 'changed', old: '0x02', new: '0x03' }]);
  });

  it('survives a corrupt gzip body on one side', () => {
    const corrupt = appEvent({ 'content-encoding': 'gzip' }, new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    const body = diffMessages(corrupt, appEvent(JSON_CT, '{"a":1}'), payloads).body;
    expect(body.kind).toBe('binary');
    expect(body.entries).toEqual([{ path: 'offset:0', kind: 'changed', old: '0x1f', new: '0x7b' }]);
  });
});
