import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBody, decodeCelery } from '../../model/index.ts';
import { capturedFrames } from '../../model/fixtures/captured-frames.ts';
import { appEvent, messageOf } from '../../model/fixtures/messages.ts';
import type { TracedMessage } from '../../model/types.ts';
import { decompressionNote, truncationNote } from './decode-notes.ts';
import { hexSource } from './hex-source.ts';
import { availableViews, copyableText, defaultView, effectiveView } from './payload-views.ts';

function viewsOf(msg: TracedMessage) {
  const decoded = decodeBody(msg);
  const celery = decodeCelery(msg, decoded);
  return { decoded, celery, views: availableViews(decoded, celery), first: defaultView(decoded, celery) };
}

describe('payload views', () => {
  it('opens a Celery task in the Celery view', () => {
    const { views, first } = viewsOf(messageOf(capturedFrames.celeryTask()));
    expect(views).toEqual(['celery', 'tree', 'text', 'hex']);
    expect(first).toBe('celery');
  });

  it('opens Celery results and events as a JSON tree, with the Celery view available', () => {
    for (const frame of [capturedFrames.celeryResult(), capturedFrames.celeryEvent()]) {
      const { views, first } = viewsOf(messageOf(frame));
      expect(views[0]).toBe('celery');
      expect(first).toBe('tree');
    }
  });

  it('opens JSON as a tree, text as text and binary as hex', () => {
    expect(viewsOf(appEvent({ 'content-type': 'application/json' }, '{"a":1}')).first).toBe('tree');
    const text = viewsOf(appEvent({ 'content-type': 'text/html' }, '<script>alert(1)</script>'));
    expect(text.views).toEqual(['text', 'hex']);
    expect(text.first).toBe('text');
    const binary = viewsOf(appEvent({ 'content-type': 'application/octet-stream' }, new Uint8Array([0xff, 0xfe, 0, 0x80])));
    expect(binary.views).toEqual(['hex']);
    expect(binary.first).toBe('hex');
  });

  it('keeps the picked view while it applies and falls back to the default when it does not', () => {
    const { decoded, celery } = viewsOf(appEvent({ 'content-type': 'application/json' }, '{"a":1}'));
    expect(effectiveView('hex', decoded, celery)).toBe('hex');
    expect(effectiveView('celery', decoded, celery)).toBe('tree');
    expect(effectiveView(null, decoded, celery)).toBe('tree');
  });

  it('copies pretty JSON from the tree, exact text from the text view, and the dump from hex', () => {
    const { decoded } = viewsOf(appEvent({ 'content-type': 'application/json' }, '{"a":[1,2]}'));
    expect(copyableText('tree', decoded, () => 'HEX')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(copyableText('text', decoded, () => 'HEX')).toBe('{"a":[1,2]}');
    expect(copyableText('hex', decoded, () => 'HEX')).toBe('HEX');
  });
});

describe('decode notes', () => {
  it('reports gzip decoding with both sizes', () => {
    const json = JSON.stringify({ lines: Array.from({ length: 20 }, (_, i) => `line ${i}`) });
    const body = gzipSync(strToU8(json));
    const decoded = decodeBody(appEvent({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, body));
    expect(decompressionNote(decoded)).toBe(`gzip-decoded (${body.length} bytes → ${json.length} bytes)`);
    expect(truncationNote(decoded)).toBeNull();
    // Hex shows the content, not the compressed stream, only for binary content; JSON dumps the wire bytes.
    expect(hexSource({ body }, decoded).bytes).toBe(body);
  });

  it('says how much of a large body is shown', () => {
    const big = `{"padding":"${'x'.repeat(1024 * 1024 - 14)}"}`;
    const decoded = decodeBody(appEvent({ 'content-type': 'application/json' }, big));
    expect(truncationNote(decoded)).toBe('Showing the first 256 KiB of 1.0 MiB');
    expect(decompressionNote(decoded)).toBeNull();
  });
});
