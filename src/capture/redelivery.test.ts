import { describe, expect, it } from 'vitest';
import { messageFromFrame, StringInterner } from '../model/index.ts';
import { MessageBuffer } from './message-buffer.ts';
import { isRedeliveredCopy } from './redelivery.ts';

const frame = (seq: number, redelivered: boolean, body = `{"n":${seq}}`) => ({
  headers: {
    destination: '/exchange/app.events/orders.eu.created',
    'x-warren-seq': String(seq),
    redelivered: String(redelivered),
  },
  binaryBody: new TextEncoder().encode(body),
});

function bufferWith(...frames: ReturnType<typeof frame>[]) {
  const buffer = new MessageBuffer(100);
  const interner = new StringInterner();
  for (const f of frames) buffer.append(messageFromFrame(f, buffer.nextSeq, 0, 'sub-1', interner));
  return buffer;
}

describe('isRedeliveredCopy', () => {
  it('recognises a redelivery of a message already held', () => {
    const buffer = bufferWith(frame(1, false), frame(2, false));
    expect(isRedeliveredCopy(buffer, frame(2, true), 'sub-1', 10)).toBe(true);
  });

  it('lets through redeliveries of messages never seen, and other subscriptions', () => {
    const buffer = bufferWith(frame(1, false));
    expect(isRedeliveredCopy(buffer, frame(3, true), 'sub-1', 10)).toBe(false);
    expect(isRedeliveredCopy(buffer, frame(1, true), 'sub-2', 10)).toBe(false);
  });

  it('never looks at frames that are not redelivered', () => {
    const buffer = bufferWith(frame(1, false));
    expect(isRedeliveredCopy(buffer, frame(1, false), 'sub-1', 10)).toBe(false);
  });

  it('right after a reconnect, also catches copies not marked redelivered (a shovel re-publishing)', () => {
    const buffer = bufferWith(frame(1, false), frame(2, false));
    expect(isRedeliveredCopy(buffer, frame(2, false), 'sub-1', 10, true)).toBe(true);
    expect(isRedeliveredCopy(buffer, frame(3, false), 'sub-1', 10, true)).toBe(false);
  });

  it('compares bodies, not only headers', () => {
    const buffer = bufferWith(frame(1, false, 'a'));
    expect(isRedeliveredCopy(buffer, frame(1, true, 'b'), 'sub-1', 10)).toBe(false);
  });
});
