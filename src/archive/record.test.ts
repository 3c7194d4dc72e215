import { describe, expect, it } from 'vitest';
import { parseRecordLine, recordLine, type ArchivableMessage } from './record.ts';

const message = (overrides: Partial<ArchivableMessage> = {}): ArchivableMessage => ({
  receivedAt: 1764547200123,
  exchange: 'app.events',
  routingKey: 'orders.eu.created',
  headers: { destination: '/exchange/app.events/orders.eu.created', 'content-type': 'application/json', 'x-warren-seq': '1' },
  body: new TextEncoder().encode('{"order":1}'),
  ...overrides,
});

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ v: 1, receivedAt: 1, exchange: 'x', routingKey: 'k', subscription: '', headers: {}, bodyEncoding: 'utf8', body: '', ...fields });

describe('one message per line', () => {
  it('writes the documented fields in a fixed order and reads them back', () => {
    const text = recordLine(message(), '/exchange/app.events/#');
    expect(text).toBe(
      '{"v":1,"receivedAt":1764547200123,"exchange":"app.events","routingKey":"orders.eu.created","subscription":"/exchange/app.events/#",' +
        '"headers":{"destination":"/exchange/app.events/orders.eu.created","content-type":"application/json","x-warren-seq":"1"},' +
        '"bodyEncoding":"utf8","body":"{\\"order\\":1}"}',
    );
    const parsed = parseRecordLine(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.headers).toEqual(message().headers);
    expect(parsed.bytes).toEqual(message().body);
  });

  it('carries a 1 MB header value and newlines inside values on one line', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const text = recordLine(message({ headers: { 'x-huge': huge, 'x-multi': 'a\nb\r\nc\u2028' } }), '');
    expect(text.includes('\n')).toBe(false);
    const parsed = parseRecordLine(text);
    expect(parsed.ok && parsed.record.headers['x-huge']).toBe(huge);
    expect(parsed.ok && parsed.record.headers['x-multi']).toBe('a\nb\r\nc\u2028');
  });

  it('takes a header named __proto__ as a header, not as a prototype', () => {
    const parsed = parseRecordLine(line({}).replace('"headers":{}', '"headers":{"__proto__":"x","toString":"y"}'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.entries(parsed.record.headers)).toEqual([['__proto__', 'x'], ['toString', 'y']]);
  });

  it.each([
    ['{"v":1,', /^not JSON \(/],
    ['[1,2]', /^not a JSON object$/],
    ['"text"', /^not a JSON object$/],
    [line({ v: undefined }), /^no version field "v"$/],
    [line({ v: 2 }), /^unknown version 2 /],
    [line({ v: '1' }), /^unknown version "1" /],
    [line({ receivedAt: '2024' }), /^no receivedAt/],
    [line({ exchange: null }), /^no exchange$/],
    [line({ routingKey: undefined }), /^no routingKey$/],
    [line({ subscription: 3 }), /^subscription is not a string$/],
    [line({ headers: [] }), /^no headers object$/],
    [line({ headers: { priority: 5 } }), /^header "priority" is not a string$/],
    [line({ bodyEncoding: 'hex' }), /^bodyEncoding is neither/],
    [line({ body: undefined }), /^no body$/],
    [line({ bodyEncoding: 'base64', body: 'not base64!' }), /^body is not valid base64$/],
  ])('refuses %s with a reason', (text, reason) => {
    const parsed = parseRecordLine(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('accepts a line without subscription', () => {
    const parsed = parseRecordLine(line({ subscription: undefined }));
    expect(parsed.ok && parsed.record.subscription).toBe('');
  });
});
