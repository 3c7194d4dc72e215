import { describe, expect, it } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import { capturedFrames } from '../model/fixtures/captured-frames.ts';
import { headersForOnePass, PackedMessage, messageFromFrame, StringInterner, type StompMessageFrame } from '../model/index.ts';
import { ingestMessageBatch, MessageBatcher, type MessageBatch } from '../model/index.ts';
import { recordLine } from './record.ts';

const FRAMES: Record<string, () => StompMessageFrame> = capturedFrames;

/** Every captured fixture, through a worker's batcher and a structured clone, into a real capture. */
function importInto(capture: TraceCapture, frames: StompMessageFrame[]): MessageBatch[] {
  const batches: MessageBatch[] = [];
  const batcher = new MessageBatcher((batch) => batches.push(structuredClone(batch)));
  frames.forEach((frame, i) => batcher.ingest(frame, '/exchange/app.events/#', 1_700_000_000_000 + i));
  batcher.flush();
  for (const batch of batches) ingestMessageBatch(batch, capture, (subscription) => `id:${subscription}`);
  return batches;
}

describe('an import batch into the capture, headers unparsed', () => {
  it('keeps what messageFromFrame would decode from the headers, and the headers themselves, for every captured frame', () => {
    const names = Object.keys(FRAMES);
    const frames = names.map((name) => FRAMES[name]!());
    const capture = new TraceCapture();
    importInto(capture, frames);
    expect(capture.buffer.size).toBe(frames.length);
    frames.forEach((frame, i) => {
      const imported = capture.buffer.get(capture.buffer.firstSeq + i)!;
      const live = messageFromFrame(frame, imported.seq, imported.receivedAt, imported.subscriptionId, new StringInterner());
      const { headers: liveHeaders, body: liveBody, ...liveFields } = live;
      expect({ ...pick(imported, Object.keys(liveFields)), name: names[i] }).toEqual({ ...liveFields, name: names[i] });
      expect(imported.headers).toEqual(liveHeaders);
      expect([...imported.body]).toEqual([...liveBody]);
    });
  });

  it('unpacks a batch’s headers only when one is read, and an export’s pass without keeping them', () => {
    const capture = new TraceCapture();
    const frames = Array.from({ length: 10 }, (_, i) => ({ headers: { destination: `/exchange/x/k.${i}`, 'x-warren-seq': String(i + 1), n: String(i) }, binaryBody: new Uint8Array([i]) }));
    importInto(capture, frames);
    const first = capture.buffer.get(capture.buffer.firstSeq)! as PackedMessage;
    expect(first).toBeInstanceOf(PackedMessage);
    // The table's fields need no headers.
    expect([first.routingKey, first.warrenSeq]).toEqual(['k.0', 1]);
    expect(first.headersUnpacked).toBe(false);
    // An export reads each message's headers once: the line is the same, the block stays packed.
    const line = recordLine(first, 's');
    expect(JSON.parse(line).headers).toEqual(frames[0]!.headers);
    expect(headersForOnePass(capture.buffer.get(capture.buffer.lastSeq)!)).toEqual(frames[9]!.headers);
    expect(first.headersUnpacked).toBe(false);
    // The inspector reads one message's headers: only that message's object is made, and kept.
    expect(first.headers['n']).toBe('0');
    expect(first.headers).toBe(first.headers);
    expect(first.headersUnpacked).toBe(false);
    expect(capture.buffer.get(capture.buffer.lastSeq)!.headers['n']).toBe('9');
  });

  it('still drops a message marked redelivered that is a copy of one it holds, as for a live frame', () => {
    const capture = new TraceCapture();
    const original = { headers: { destination: '/exchange/x/k', 'message-id': 'm-1' }, binaryBody: new Uint8Array([1, 2, 3]) };
    const copy = { headers: { ...original.headers, redelivered: 'true' }, binaryBody: new Uint8Array([1, 2, 3]) };
    const other = { headers: { destination: '/exchange/x/k', 'message-id': 'm-2', redelivered: 'true' }, binaryBody: new Uint8Array([4]) };
    importInto(capture, [original, copy, other]);
    expect(capture.buffer.size).toBe(2);
    expect(capture.buffer.get(capture.buffer.lastSeq)!.headers['message-id']).toBe('m-2');
  });
});

function pick(message: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (message as Record<string, unknown>)[k]]));
}
