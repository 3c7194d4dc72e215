import { encode } from '@msgpack/msgpack';
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

  it('diffs MessagePack bodies by their decoded values, as the inspector reads them', () => {
    const msgpack = { 'content-type': 'application/msgpack' };
    const left = appEvent(msgpack, encode({ order: 'o1', total: 10, tags: ['a'] }));
    const right = appEvent(msgpack, encode({ order: 'o1', total: 12, tags: ['a', 'b'] }));
    const { body } = diffMessages(left, right, payloads);
    expect(body.kind).toBe('structured');
    expect(body.entries).toEqual([
      { path: '$.total', kind: 'changed', old: '10', new: '12' },
      { path: '$.tags[1]', kind: 'added', new: '"b"' },
    ]);
  });

  it('says why a body that should decode did not, and compares bytes then', () => {
    const msgpack = { 'content-type': 'application/msgpack' };
    const corrupt = appEvent(msgpack, new Uint8Array([0x82, 0xa1, 0x61]));
    const { body } = diffMessages(corrupt, appEvent(msgpack, encode({ a: 1 })), payloads);
    expect(body.kind).toBe('binary');
    expect(body.notes.join(' ')).toMatch(/^Left: MessagePack/);
  });

  it('honours a "decode as Hex" choice: the bytes are compared', () => {
    const decoding = new PayloadDecoding();
    const left = appEvent(JSON_CT, '{"a":1}');
    const right = appEvent(JSON_CT, '{"a":2}');
    decoding.setOverride(left.seq, { decoder: 'hex' });
    expect(diffMessages(left, right, decoding).body.kind).toBe('binary');
  });

  it('calls bodies identical when the bytes are, or when only their JSON formatting differs', () => {
    const same = diffMessages(appEvent(JSON_CT, '{"a":1}'), appEvent(JSON_CT, '{"a":1}'), payloads).body;
    expect(same).toEqual({ kind: 'identical', entries: [], notes: [] });
    const formatted = diffMessages(appEvent(JSON_CT, '{"a":1}'), appEvent(JSON_CT, '{ "a": 1 }'), payloads).body;
    expect(formatted.kind).toBe('identical');
    expect(formatted.notes[0]).toMatch(/decoded values \(JSON, JSON\) are equal/);
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
