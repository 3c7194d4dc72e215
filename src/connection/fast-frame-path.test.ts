import { FrameImpl, Parser, type IRawFrameType } from '@stomp/stompjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FAST_PATH_STOMPJS_VERSION, installFastFramePath } from './fast-frame-path.ts';
import { CASES, concat, message, utf8 } from './fixtures/stomp-frames.ts';

const byteWiseParse = Parser.prototype.parseChunk;
const originalFromRawFrame = FrameImpl.fromRawFrame.bind(FrameImpl);

describe('installing the fast path', () => {
  it('keeps stompjs untouched on a version it was not written for, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(installFastFramePath('8.0.0')).toBe(false);
    expect(Parser.prototype.parseChunk).toBe(byteWiseParse);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('stompjs 8.0.0 is installed'));
    warn.mockRestore();
  });

  it('installs on the installed stompjs, which is the one it was written for', () => {
    expect(installFastFramePath()).toBe(true);
    expect(Parser.prototype.parseChunk).not.toBe(byteWiseParse);
    expect(installFastFramePath()).toBe(true); // once only
  });
});

type Event = { ping: true } | { command: string; headers: Record<string, string>; body: number[] };

/** Feeds the chunks to a parser and returns what stompjs would hand on: frames (after fromRawFrame) and pings. */
function parse(chunks: Uint8Array[], fast: boolean): Event[] {
  const events: Event[] = [];
  const toFrame = fast ? FrameImpl.fromRawFrame : originalFromRawFrame;
  const parser = new Parser(
    (raw: IRawFrameType) => {
      const copy = { ...raw, headers: raw.headers.map(([k, v]) => [k, v] as [string, string]) };
      const frame = toFrame(copy, true);
      events.push({ command: frame.command, headers: { ...frame.headers }, body: Array.from(frame.binaryBody) });
    },
    () => events.push({ ping: true }),
  );
  for (const chunk of chunks) {
    const buffer = chunk.slice().buffer;
    if (fast) parser.parseChunk(buffer);
    else byteWiseParse.call(parser, buffer);
  }
  return events;
}

describe('fast frame path', () => {
  beforeAll(() => {
    installFastFramePath(FAST_PATH_STOMPJS_VERSION);
  });
  for (const [name, chunks] of Object.entries(CASES)) {
    it(`parses ${name} exactly as stompjs does`, () => {
      const expected = parse(chunks, false);
      expect(expected.length).toBeGreaterThan(0);
      expect(parse(chunks, true)).toEqual(expected);
    });
  }

  it('gives the same frames however the bytes are split across chunks', () => {
    const stream = concat(...Object.values(CASES).flat());
    const expected = parse([stream], false);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < stream.length; ) {
        const size = 1 + Math.floor(random() * (random() < 0.5 ? 8 : 200));
        chunks.push(stream.subarray(at, at + size));
        at += size;
      }
      expect(parse(chunks, true)).toEqual(expected);
    }
  });

  it('stops at a frame cut short and finishes it when the rest arrives', () => {
    const frame = message(['destination:/exchange/app.events/k'], utf8('0123456789'));
    const events = parse([frame.subarray(0, 30), frame.subarray(30)], true);
    expect(events).toEqual(parse([frame], false));
  });
});

describe('a frame as a debug string', () => {
  beforeAll(() => {
    installFastFramePath(FAST_PATH_STOMPJS_VERSION);
  });
  it('is just its command, while what is sent still carries every header', () => {
    const frame = new FrameImpl({ command: 'ACK', headers: { id: 'a:b\\c', transaction: 't1' } });
    expect(`${frame}`).toBe('ACK');
    const sent = frame.serialize();
    expect(typeof sent === 'string' ? sent : new TextDecoder().decode(sent)).toBe('ACK\nid:a:b\\c\ntransaction:t1\n\n\0');
  });
});
