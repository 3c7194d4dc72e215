import { describe, expect, it } from 'vitest';
import { describeCloseEvent } from './errors.ts';

describe('describeCloseEvent', () => {
  it('says what a close code means, with the reason', () => {
    expect(describeCloseEvent({ code: 1011, reason: 'internal error' })).toBe('WebSocket close code 1011: the server hit an internal error (internal error)');
  });

  it('words the socket stompjs gives up on (4001) without its internal reason', () => {
    const text = describeCloseEvent({ code: 4001, reason: 'Quick discarding socket (#110861) without waiting for the shutdown sequence.' });
    expect(text).toBe('given up: the broker did not answer in time (no heartbeat, or no CONNECTED within the connect timeout; WebSocket close code 4001)');
  });
});
