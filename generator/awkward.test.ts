import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AWKWARD_KINDS, buildAwkward, HTML_HEADER_VALUE, LARGE_BODY_BYTES } from './awkward.ts';
import { SEQ_HEADER } from './message.ts';
import { createRng } from './random.ts';
import { wireHeaders } from './test-helpers.ts';

const ctx = { now: Date.UTC(2024, 0, 1) };
const build = (kind: (typeof AWKWARD_KINDS)[number]) => buildAwkward(kind, 5, createRng(9), ctx);

describe('awkward payloads', () => {
  it('go to app.events as awkward.<kind>, numbered', () => {
    for (const kind of AWKWARD_KINDS) {
      const msg = build(kind);
      expect(msg.exchange).toBe('app.events');
      expect(msg.routingKey).toBe(`awkward.${kind}`);
      expect(wireHeaders(msg)[SEQ_HEADER]).toBe(5);
    }
  });

  it('text is text/plain UTF-8', () => {
    const msg = build('text');
    expect(msg.options.contentType).toBe('text/plain');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(msg.content)).toContain('ünïcödé');
  });

  it('binary is not valid UTF-8', () => {
    const msg = build('binary');
    expect(msg.options.contentType).toBe('application/octet-stream');
    expect([...msg.content.subarray(0, 3)]).toEqual([0xff, 0xfe, 0x00]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(msg.content)).toThrow();
  });

  it('gzip decompresses to JSON and says so in content_encoding', () => {
    const msg = build('gzip');
    expect(msg.options).toMatchObject({ contentType: 'application/json', contentEncoding: 'gzip' });
    expect(JSON.parse(gunzipSync(msg.content).toString('utf8'))).toMatchObject({ compressed: true });
  });

  it('large is exactly 1 MiB of valid JSON', () => {
    const msg = build('large');
    expect(msg.content.length).toBe(LARGE_BODY_BYTES);
    expect(() => JSON.parse(msg.content.toString('utf8'))).not.toThrow();
  });

  it('malformed claims JSON but does not parse', () => {
    const msg = build('malformed');
    expect(msg.options.contentType).toBe('application/json');
    expect(() => JSON.parse(msg.content.toString('utf8'))).toThrow();
  });

  it('html carries script in the body and an img/onerror in a header', () => {
    const msg = build('html');
    expect(msg.content.toString('utf8')).toContain('<script>alert(1)</script>');
    expect(wireHeaders(msg)['x-display-name']).toBe(HTML_HEADER_VALUE);
  });
});
