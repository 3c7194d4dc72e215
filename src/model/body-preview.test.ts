import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bodyPreview } from './body-preview.ts';
import { capturedFrames } from './fixtures/captured-frames.ts';
import { appEvent, messageOf } from './fixtures/messages.ts';

describe('bodyPreview', () => {
  it('shows the start of a text body (captured)', () => {
    expect(bodyPreview(messageOf(capturedFrames.orderCreated()))).toBe('{"order":42,"note":"hé"}');
  });

  it('collapses whitespace and newlines to single spaces', () => {
    const pretty = JSON.stringify({ order: 42, lines: [{ sku: 'A-1', qty: 2 }] }, null, 2);
    expect(bodyPreview(appEvent({}, pretty))).toBe('{ "order": 42, "lines": [ { "sku": "A-1", "qty": 2 } ] }');
  });

  it('cuts long text at maxChars with an ellipsis', () => {
    const preview = bodyPreview(appEvent({}, 'word '.repeat(1000)), 20);
    expect(preview).toBe('word word word word…');
  });

  it('keeps reading when indentation collapses away (deeply indented JSON)', () => {
    const indented = `{${' '.repeat(2000)}"a": 1}`;
    expect(bodyPreview(appEvent({}, indented), 20)).toBe('{ "a": 1}');
  });

  it('decodes only a prefix of a large body', () => {
    const big = `${'é'.repeat(300)}${'\u0000'.repeat(1_000_000)}`;
    // The NULs lie beyond the bytes a 120-character preview reads.
    expect(bodyPreview(appEvent({}, big))).toBe(`${'é'.repeat(120)}…`);
  });

  it('labels binary and empty bodies (captured)', () => {
    expect(bodyPreview(messageOf(capturedFrames.binary()))).toBe('binary, 7 bytes');
    expect(bodyPreview(messageOf(capturedFrames.empty()))).toBe('(empty)');
  });

  it('replaces control and bidi-override characters', () => {
    expect(bodyPreview(appEvent({}, 'ok\u001b[31mred \u202Eevil'))).toBe('ok\uFFFD[31mred \uFFFDevil');
  });

  it('previews gzip and deflate content (captured)', () => {
    expect(bodyPreview(messageOf(capturedFrames.gzipJson()))).toBe('[gzip] {"zipped":true}');
    expect(bodyPreview(messageOf(capturedFrames.deflateText()))).toBe('[deflate] hello deflate');
  });

  it('labels compressed binary, corrupt and unsupported encodings by size', () => {
    const zippedBinary = gzipSync(new Uint8Array([0, 1, 2, 3, 0, 0, 9]));
    expect(bodyPreview(appEvent({ 'content-encoding': 'gzip' }, zippedBinary))).toBe(`gzip, ${zippedBinary.length} bytes`);
    expect(bodyPreview(appEvent({ 'content-encoding': 'gzip' }, strToU8('not gzip')))).toBe('gzip, 8 bytes (corrupt)');
    expect(bodyPreview(appEvent({ 'content-encoding': 'br' }, new Uint8Array(5)))).toBe('br, 5 bytes');
  });

  it('previews a large gzip body without inflating all of it', () => {
    const zipped = gzipSync(strToU8(JSON.stringify({ rows: Array.from({ length: 100_000 }, (_, i) => i) })));
    expect(bodyPreview(appEvent({ 'content-encoding': 'gzip' }, zipped), 16)).toBe('[gzip] {"rows":[0,1,2,3…');
  });

  it('caches per message and per maxChars', () => {
    const msg = appEvent({}, 'abcdefghij');
    expect(bodyPreview(msg, 5)).toBe('abcde…');
    expect(bodyPreview(msg, 5)).toBe('abcde…');
    expect(bodyPreview(msg)).toBe('abcdefghij');
  });
});
