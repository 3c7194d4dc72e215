import { describe, expect, it } from 'vitest';
import { capturedFrames } from './fixtures/captured-frames.ts';
import { stompFrame } from './fixtures/messages.ts';
import { messageFromFrame, parseSequenceNumber } from './frame-to-message.ts';
import { StringInterner } from './interner.ts';

describe('messageFromFrame', () => {
  it('decodes the minimal fields of a captured Celery task frame', () => {
    const frame = capturedFrames.celeryTask();
    const msg = messageFromFrame(frame, 42, 1_795_451_602_731, 'sub-store-1', new StringInterner());
    expect(msg).toMatchObject({
      seq: 42,
      receivedAt: 1_795_451_602_731,
      subscriptionId: 'sub-store-1',
      exchange: 'celery',
      routingKey: 'capture',
      size: 71,
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      correlationId: '0f0e1c4a-3b6e-4b1a-9c2d-4e5f6a7b8c9d',
      taskName: 'proj.tasks.add',
      warrenSeq: 8,
    });
  });

  it('keeps the frame headers object and body bytes by reference', () => {
    const frame = capturedFrames.orderCreated();
    const msg = messageFromFrame(frame, 1, 0, 's', new StringInterner());
    expect(msg.headers).toBe(frame.headers);
    expect(msg.body).toBe(frame.binaryBody);
  });

  it('decodes an escaped UTF-8 routing key (captured)', () => {
    const msg = messageFromFrame(capturedFrames.orderCreated(), 1, 0, 's', new StringInterner());
    expect(msg.exchange).toBe('app.events');
    expect(msg.routingKey).toBe('capture.order/créé.100%');
    expect(msg.warrenSeq).toBe(7);
    // A custom "content-type" header shadowed the real property on the wire: we see what the frame says.
    expect(msg.contentType).toBe('text/evil');
  });

  it('maps /queue and /topic destinations', () => {
    const interner = new StringInterner();
    const reply = messageFromFrame(stompFrame('/queue/b3b1f0a2-5a4e', {}, '{}'), 1, 0, 's', interner);
    expect([reply.exchange, reply.routingKey]).toEqual(['', 'b3b1f0a2-5a4e']);
    const topic = messageFromFrame(stompFrame('/topic/stock.ibm', {}, 'x'), 2, 0, 's', interner);
    expect([topic.exchange, topic.routingKey]).toEqual(['amq.topic', 'stock.ibm']);
  });

  it('uses empty strings and -1 for missing headers', () => {
    const frame = capturedFrames.empty();
    const msg = messageFromFrame(frame, 1, 0, 's', new StringInterner());
    expect(msg).toMatchObject({ size: 0, contentType: '', contentEncoding: '', correlationId: '', taskName: '', warrenSeq: -1 });
  });

  it('copes with a frame without destination', () => {
    const msg = messageFromFrame({ headers: {}, binaryBody: new Uint8Array(3) }, 1, 0, 's', new StringInterner());
    expect(msg).toMatchObject({ exchange: '', routingKey: '', size: 3 });
  });

  it('interns exchange, key, content type and task name', () => {
    const interner = new StringInterner();
    for (let i = 0; i < 100; i++) messageFromFrame(capturedFrames.celeryTask(), i, 0, 's', interner);
    // celery, capture, application/json, utf-8, proj.tasks.add
    expect(interner.size).toBe(5);
  });
});

describe('parseSequenceNumber', () => {
  it('reads non-negative decimal integers', () => {
    expect(parseSequenceNumber('0')).toBe(0);
    expect(parseSequenceNumber('123456789012')).toBe(123_456_789_012);
  });

  it('gives -1 for anything else', () => {
    for (const raw of [undefined, '', ' 7', '7 ', '-3', '1e3', '0x10', '1.5', 'seven', '99999999999999999']) {
      expect(parseSequenceNumber(raw)).toBe(-1);
    }
  });
});
