import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contentCodingOf, contentCodingOfMessage } from './content-coding.ts';
import { decodeBody } from './body.ts';
import { emptyKeyFields } from './frame-to-message.ts';
import { MessageBatchReader, MessageBatcher, type MessageBatch } from './message-batch.ts';
import { BodySlab } from './body-slab.ts';
import { headerOf, headerNamesOf, PackedMessage } from './packed-message.ts';
import { headerTerm, propertyTerm } from '../filter/message-terms.ts';

type Frame = { headers: Record<string, string>; body: Uint8Array };

/** The messages of one batch as the capture keeps them, headers packed. */
function packedMessages(frames: Frame[]): PackedMessage[] {
  const reader = readBatch(frames);
  return frames.map((_, i) => new PackedMessage(i + 1, 1, 's', reader.keyAt(i, emptyKeyFields()), reader.bodyAt(i).slice(), reader.block, i));
}

/** One batch of `frames` as a worker sends it and the page reads it. */
function readBatch(frames: Frame[]): MessageBatchReader {
  let sent: MessageBatch | null = null;
  const batcher = new MessageBatcher((batch) => (sent = structuredClone(batch)));
  for (const frame of frames) batcher.ingest({ headers: frame.headers, binaryBody: frame.body }, 'sub-0', 1);
  batcher.flush();
  if (sent === null) throw new Error('no batch');
  return new MessageBatchReader(sent);
}

const json = new TextEncoder().encode('{"ok":true}');

describe('a packed message read without unpacking its batch', () => {
  it('learns its content coding from its key fields, and a header no message of its shape has, without unpacking', () => {
    const [plain, utf16] = packedMessages([
      { headers: { destination: '/exchange/e/k', 'content-type': 'application/json' }, body: json },
      { headers: { destination: '/exchange/e/k', 'content-type': 'text/plain; charset=utf-16le', 'content-encoding': 'utf-16le' }, body: json },
    ]);
    expect(contentCodingOfMessage(plain!)).toEqual({ compression: { kind: 'none' }, charset: 'utf-8' });
    expect(contentCodingOfMessage(utf16!).charset).toBe('utf-16le');
    expect(headerOf(plain!, 'type')).toBeUndefined();
    expect(plain!.headersUnpacked).toBe(false);
    expect(decodeBody(plain!)).toMatchObject({ kind: 'json', value: { ok: true } });
    expect(plain!.headersUnpacked).toBe(false);
    // The same answers as from the unpacked headers.
    expect(contentCodingOfMessage(utf16!)).toEqual(contentCodingOf(utf16!.headers));
  });

  it('reads kombu\'s compression header where the shape has it, and decodes the body', () => {
    const [compressed, plain] = packedMessages([
      { headers: { destination: '/exchange/celery/celery', 'content-type': 'application/json', compression: 'application/x-gzip' }, body: zlibSync(json) },
      { headers: { destination: '/exchange/celery/celery', 'content-type': 'application/json' }, body: json },
    ]);
    expect(headerOf(compressed!, 'compression')).toBe('application/x-gzip');
    expect(contentCodingOfMessage(compressed!).compression).toMatchObject({ kind: 'compressed', label: 'application/x-gzip' });
    expect(decodeBody(compressed!)).toMatchObject({ kind: 'json', value: { ok: true }, decompressed: 'zlib' });
    // Read for one pass: the batch is not kept unpacked.
    expect(compressed!.headersUnpacked).toBe(false);
    expect(headerOf(plain!, 'compression')).toBeUndefined();
    expect(headerOf(compressed!, 'toString')).toBeUndefined();
  });

  it('answers header: and prop: filters from its batch\'s values, making no header objects', () => {
    const messages = packedMessages(
      ['globex', 'acme', 'globex'].map((tenant, i) => ({
        headers: { destination: '/exchange/e/k', 'X-Tenant': tenant, 'reply-to': '/reply-queue/amq.gen-1', ...(i === 2 ? { extra: 'yes' } : {}) },
        body: json,
      })),
    );
    const tenant = headerTerm('x-tenant=globex', 'header:x-tenant=globex');
    const replyTo = propertyTerm('reply_to=amq.gen-1', 'prop:reply_to=amq.gen-1');
    if (typeof tenant === 'string' || typeof replyTo === 'string') throw new Error('the terms do not parse');
    // Header terms read no body.
    const read = { value: () => undefined, fieldOf: () => undefined, text: () => '' };
    expect(messages.map((m) => tenant(m, read))).toEqual([true, false, true]);
    expect(messages.map((m) => replyTo(m, read))).toEqual([true, true, true]);
    expect(headerNamesOf(messages[2]!)).toEqual(['destination', 'X-Tenant', 'reply-to', 'extra']);
    expect(messages.every((m) => !m.headersUnpacked)).toBe(true);
    // The objects, once made, say the same.
    expect(messages[2]!.headers).toEqual({ destination: '/exchange/e/k', 'X-Tenant': 'globex', 'reply-to': '/reply-queue/amq.gen-1', extra: 'yes' });
    expect(messages.map((m) => tenant(m, read))).toEqual([true, false, true]);
  });

  it('makes the headers of the one message read, the same object each time, and unpacks a batch read message by message', () => {
    const messages = packedMessages(
      Array.from({ length: 20 }, (_, i) => ({ headers: { destination: '/exchange/e/k', n: String(i), ...(i % 2 ? { odd: 'yes' } : {}) }, body: json })),
    );
    const third = messages[3]!;
    expect(third.headers).toEqual({ destination: '/exchange/e/k', n: '3', odd: 'yes' });
    expect(third.headers).toBe(third.headers);
    expect(third.headersUnpacked).toBe(false);
    // Read one by one past SINGLE_READS_BEFORE_UNPACKING, the batch is unpacked whole, the objects already made kept.
    const kept = third.headers;
    const read = messages.map((m) => m.headers);
    expect(third.headersUnpacked).toBe(true);
    expect(third.headers).toBe(kept);
    expect(read.map((h) => h['n'])).toEqual(messages.map((_, i) => String(i)));
    expect(read.map((h) => Object.keys(h))).toEqual(messages.map((_, i) => (i % 2 ? ['destination', 'n', 'odd'] : ['destination', 'n'])));
  });

  it('keeps where its body is, not a view of it: each read is a new view of the same bytes in the shared block', () => {
    const reader = readBatch([{ headers: { destination: '/exchange/e/a' }, body: json }]);
    const slab = new BodySlab();
    const first = slab.store(Uint8Array.from([1, 2, 3]));
    const second = slab.store(Uint8Array.from([4, 5]));
    const [a, b] = [first, second].map((body, i) => new PackedMessage(i + 1, 1, 's', reader.keyAt(0, emptyKeyFields()), body, reader.block, 0));
    expect([...a!.body]).toEqual([1, 2, 3]);
    expect([...b!.body]).toEqual([4, 5]);
    expect(b!.size).toBe(2);
    expect(a!.body).not.toBe(a!.body);
    expect(a!.body.buffer).toBe(b!.body.buffer);
    expect(b!.body.byteOffset).toBe(3);
  });

  it('keeps its arrival time in its batch block, each message its own, to the fraction of a millisecond', () => {
    const reader = readBatch([0, 1, 2].map((n) => ({ headers: { destination: `/exchange/e/k${n}` }, body: json })));
    const times = [1_764_990_000_000.25, 1_764_990_000_001, 1_764_990_000_002.5];
    const messages = times.map((at, i) => new PackedMessage(i + 1, at, 's', reader.keyAt(i, emptyKeyFields()), reader.bodyAt(i).slice(), reader.block, i));
    expect(messages.map((m) => m.receivedAt)).toEqual(times);
    expect(times.map((_, i) => reader.block.arrivedAt(i))).toEqual(times);
    // Not a field of the message (a boxed number per message): read from the block.
    expect(Object.keys(messages[0]!)).not.toContain('receivedAt');
  });
});
