import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBody, decodeCelery, readPayload, SchemaRegistry } from '../../model/index.ts';
import { capturedFrames } from '../../model/fixtures/captured-frames.ts';
import { appEvent, messageOf } from '../../model/fixtures/messages.ts';
import type { DecoderChoice } from '../../model/index.ts';
import type { TracedMessage } from '../../model/types.ts';
import { decompressionNote, truncationNote } from './decode-notes.ts';
import { hexSource } from './hex-source.ts';
import { availableViews, bodyForCelery, copyableText, defaultView, effectiveView } from './payload-views.ts';
import { encode as encodeMsgpack } from '@msgpack/msgpack';

function viewsOf(msg: TracedMessage, override: DecoderChoice | null = null) {
  const reading = readPayload(msg, override, new SchemaRegistry());
  const celery = decodeCelery(msg, reading.body);
  return { reading, celery, views: availableViews(reading, celery), first: defaultView(reading, celery) };
}

describe('payload views', () => {
  it('opens a Celery task in the Celery view', () => {
    const { views, first } = viewsOf(messageOf(capturedFrames.celeryTask()));
    expect(views).toEqual(['celery', 'decoded', 'text', 'hex']);
    expect(first).toBe('celery');
  });

  it('opens Celery results and events as a JSON tree, with the Celery view available', () => {
    for (const frame of [capturedFrames.celeryResult(), capturedFrames.celeryEvent()]) {
      const { views, first } = viewsOf(messageOf(frame));
      expect(views[0]).toBe('celery');
      expect(first).toBe('decoded');
    }
  });

  it('opens JSON as a tree, text as text and binary as hex', () => {
    expect(viewsOf(appEvent({ 'content-type': 'application/json' }, '{"a":1}')).first).toBe('decoded');
    const text = viewsOf(appEvent({ 'content-type': 'text/html' }, '<script>alert(1)</script>'));
    expect(text.views).toEqual(['text', 'hex']);
    expect(text.first).toBe('text');
    const binary = viewsOf(appEvent({ 'content-type': 'application/octet-stream' }, new Uint8Array([0xff, 0xfe, 0, 0x80])));
    expect(binary.views).toEqual(['hex']);
    expect(binary.first).toBe('hex');
  });

  it('keeps the picked view while it applies and falls back to the default when it does not', () => {
    const { reading, celery } = viewsOf(appEvent({ 'content-type': 'application/json' }, '{"a":1}'));
    expect(effectiveView('hex', reading, celery)).toBe('hex');
    expect(effectiveView('celery', reading, celery)).toBe('decoded');
    expect(effectiveView(null, reading, celery)).toBe('decoded');
  });

  it('copies pretty JSON from the tree, exact text from the text view, and the dump from hex', () => {
    const { reading } = viewsOf(appEvent({ 'content-type': 'application/json' }, '{"a":[1,2]}'));
    expect(copyableText('decoded', reading, () => 'HEX')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(copyableText('text', reading, () => 'HEX')).toBe('{"a":[1,2]}');
    expect(copyableText('hex', reading, () => 'HEX')).toBe('HEX');
  });

  it('opens a MessagePack body as a tree, a failed decoder in hex, and follows a Text or Hex choice', () => {
    const packed = viewsOf(appEvent({ 'content-type': 'application/msgpack' }, new Uint8Array([0x81, 0xa1, 0x61, 0x01])));
    expect(packed.views).toEqual(['decoded', 'hex']);
    expect(packed.first).toBe('decoded');
    const corrupt = viewsOf(appEvent({ 'content-type': 'application/msgpack' }, new Uint8Array([0x81, 0xa1])));
    expect(corrupt.views).toEqual(['hex']);
    expect(corrupt.first).toBe('hex');
    const json = appEvent({ 'content-type': 'application/json' }, '{"a":1}');
    expect(viewsOf(json, { decoder: 'text' }).first).toBe('text');
    expect(viewsOf(json, { decoder: 'hex' }).first).toBe('hex');
    expect(viewsOf(messageOf(capturedFrames.celeryTask()), { decoder: 'hex' }).first).toBe('hex');
  });
});

describe('Celery over MessagePack', () => {
  it('reads a task sent with the kombu msgpack serializer like its JSON twin', () => {
    const body = encodeMsgpack([[2, 3], { debug: true }, { callbacks: null, errbacks: null, chain: null, chord: null }]);
    const msg = appEvent({ 'content-type': 'application/x-msgpack', task: 'proj.tasks.add', id: 'a1b2' }, body, 'celery');
    const reading = readPayload(msg, null, new SchemaRegistry());
    const celery = decodeCelery(msg, bodyForCelery(reading));
    expect(celery).toMatchObject({ kind: 'task', task: { task: 'proj.tasks.add', args: [2, 3], kwargs: { debug: true } } });
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
