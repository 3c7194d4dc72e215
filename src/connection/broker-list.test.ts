import { describe, expect, it } from 'vitest';
import { brokerInUseText, brokerLabel, brokerListError, brokerUrlError, checkBrokerList, joinBrokerLists, splitBrokerList } from './broker-list.ts';

describe('broker list', () => {
  it('splits on commas, spaces and newlines, keeps the order, drops empties and repeats', () => {
    expect(splitBrokerList('ws://a:1/ws, ws://b:2/ws\nws://c:3/ws\t,,ws://a:1/ws  ')).toEqual(['ws://a:1/ws', 'ws://b:2/ws', 'ws://c:3/ws']);
    expect(splitBrokerList('')).toEqual([]);
    expect(splitBrokerList(' \n, ')).toEqual([]);
  });

  it('joins repeated URL parameters, each of which may be a list', () => {
    expect(joinBrokerLists(['ws://b/ws', 'ws://a/ws,wss://c/ws'])).toEqual(['ws://b/ws', 'ws://a/ws', 'wss://c/ws']);
    expect(joinBrokerLists([''])).toEqual([]);
  });

  it('accepts ws:// and wss:// only, with a sentence for anything else', () => {
    expect(brokerUrlError('ws://127.0.0.1:15674/ws')).toBe('');
    expect(brokerUrlError('wss://mirror.example/ws')).toBe('');
    expect(brokerUrlError('http://127.0.0.1:15674/ws')).toBe(
      '"http://127.0.0.1:15674/ws" is not a WebSocket URL: use ws:// or wss:// (web_stomp\'s endpoint, e.g. ws://127.0.0.1:15674/ws), not http://',
    );
    expect(brokerUrlError('127.0.0.1:15674')).toMatch(/is not a (URL|WebSocket URL)/);
    expect(brokerUrlError('mirror')).toBe('"mirror" is not a URL: write it as ws://host:port/ws (e.g. ws://127.0.0.1:15674/ws)');
  });

  it('checks each URL of a list and names the first problem', () => {
    expect(checkBrokerList(['ws://a/ws', 'ftp://b']).map((e) => e.error === '')).toEqual([true, false]);
    expect(brokerListError(['ws://a/ws', 'ftp://b', 'nope'])).toContain('"ftp://b" is not a WebSocket URL');
    expect(brokerListError(['ws://a/ws'])).toBe('');
    expect(brokerListError([])).toMatch(/^no broker URL/);
  });

  it('names the node in use for the status line, only when there is more than one', () => {
    expect(brokerInUseText({ url: 'ws://127.0.0.1:15684/ws', index: 1, count: 3 })).toBe('127.0.0.1:15684 (2 of 3)');
    expect(brokerInUseText({ url: 'ws://127.0.0.1:15674/ws', index: 0, count: 1 })).toBe('');
    expect(brokerInUseText(null)).toBe('');
  });

  it('labels a node by host and port', () => {
    expect(brokerLabel('ws://127.0.0.1:15684/ws')).toBe('127.0.0.1:15684');
    expect(brokerLabel('wss://mirror.example/ws')).toBe('mirror.example');
    expect(brokerLabel('not a url')).toBe('not a url');
  });
});
