import { FrameImpl, Parser, type IRawFrameType } from '@stomp/stompjs';
import { describe, expect, it } from 'vitest';
import { CASES, message, utf8 } from '../fixtures/stomp-frames.ts';
import { HeaderTokenCache } from '../header-token-cache.ts';
import { readMessageFrame, unescapeHeaderValue, type MessageFrameParts } from './message-frame.ts';

const stompjsUnescape = (FrameImpl as unknown as { hdrValueUnEscape(value: string): string }).hdrValueUnEscape;

interface Read {
  command: string;
  /** As entries, so the order the inspector shows is compared too. */
  headers: [string, string][];
  body: number[];
}

/** What stompjs's own parser (byte-wise, its own fromRawFrame) hands on for one WebSocket message. */
function stompjsRead(bytes: Uint8Array, escaped: boolean): Read[] {
  const frames: Read[] = [];
  const parser = new Parser(
    (raw: IRawFrameType) => {
      const frame = FrameImpl.fromRawFrame(raw, escaped);
      frames.push({ command: frame.command, headers: Object.entries(frame.headers), body: Array.from(frame.binaryBody) });
    },
    () => undefined,
  );
  parser.parseChunk(bytes.slice().buffer);
  return frames;
}

function workerRead(bytes: Uint8Array, escaped: boolean, cache?: HeaderTokenCache): Read | null {
  const parts: MessageFrameParts = { headers: {}, bodyStart: 0, bodyEnd: 0 };
  if (!readMessageFrame(bytes, new TextDecoder(), escaped, parts, cache)) return null;
  return { command: 'MESSAGE', headers: Object.entries(parts.headers), body: Array.from(bytes.subarray(parts.bodyStart, parts.bodyEnd)) };
}

describe('a MESSAGE frame read in the socket worker', () => {
  for (const escaped of [true, false]) {
    for (const [name, chunks] of Object.entries(CASES)) {
      it(`reads ${name} as stompjs does, or leaves it to stompjs (${escaped ? 'STOMP 1.2' : 'STOMP 1.0'})`, () => {
        for (const chunk of chunks) {
          const expected = stompjsRead(chunk, escaped);
          const read = workerRead(chunk, escaped);
          if (read === null) continue;
          expect(expected).toEqual([read]);
        }
      });
    }
  }

  it('reads every frame the same with the tokens of the frames before it cached (the socket worker keeps one cache)', () => {
    const cache = new HeaderTokenCache();
    for (let pass = 0; pass < 2; pass++) {
      for (const chunks of Object.values(CASES)) {
        for (const chunk of chunks) expect(workerRead(chunk, true, cache)).toEqual(workerRead(chunk, true));
      }
    }
  });

  it('reads the frames web_stomp sends, and leaves the rest to stompjs', () => {
    const read = (name: string) => (CASES[name] ?? []).map((chunk) => workerRead(chunk, true) !== null);
    expect(read('a plain message')).toEqual([true]);
    expect(read('escaped values, a colon in a value, repeated headers (first wins), padded values')).toEqual([true]);
    expect(read('a body with NULs inside (content-length) and an empty body')).toEqual([true, true]);
    expect(read('no content-length: the body ends at the first NUL')).toEqual([true]);
    // Several frames in one message, CR line ends, a line without a colon, other commands: stompjs's.
    expect(read('heartbeats and several frames in one chunk')).toEqual([false]);
    expect(read('CRLF line ends')).toEqual([false]);
    expect(read('a header line without a colon')).toEqual([false]);
    expect(read('an ERROR frame after a RECEIPT')).toEqual([false]);
  });

  it('allows end-of-line padding after the frame, and no second frame', () => {
    const frame = message(['destination:/exchange/a/k', 'subscription:s'], utf8('{}'));
    const padded = new Uint8Array([...frame, 10, 10]);
    expect(workerRead(padded, true)?.body).toEqual(Array.from(utf8('{}')));
    expect(workerRead(new Uint8Array([...frame, ...frame]), true)).toBeNull();
    expect(workerRead(frame.subarray(0, frame.length - 1), true)).toBeNull(); // cut short
  });

  it('unescapes header values as stompjs does', () => {
    for (const value of ['plain', 'a\\cb', 'line\\nbreak\\\\slash', '\\r\\n\\c\\\\', 'odd\\x', '\\\\n']) {
      expect(unescapeHeaderValue(value)).toBe(stompjsUnescape(value));
    }
  });
});
