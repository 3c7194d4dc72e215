import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultManagementUrl } from './managed-origin.ts';
import { addSecret, displayUrl, mask, splitCredentials } from './output.ts';
import { Pacer, parseSpeed } from './replay-publisher.ts';
import { vhostOf } from './replay.ts';

describe('mask', () => {
  it('masks URL passwords and every secret it was given, in any form', () => {
    expect(mask('to amqp://bob:s3cr%40t@host:5672/v and https://a:b@h/')).toBe('to amqp://bob:***@host:5672/v and https://a:***@h/');
    addSecret('pa ss/word');
    expect(mask('passcode pa ss/word, encoded pa%20ss%2Fword')).toBe('passcode ***, encoded ***');
  });

  it('splits credentials off a URL and remembers the password', () => {
    const { url, login, password } = splitCredentials('ws://warren:t%C3%BFpe@127.0.0.1:15674/ws');
    expect([url.href, login, password]).toEqual(['ws://127.0.0.1:15674/ws', 'warren', 'tÿpe']);
    expect(mask('tÿpe')).toBe('***');
    expect(displayUrl(new URL('amqp://u:p@h:1/v'))).toBe('amqp://u:***@h:1/v');
  });
});

describe('replay targets', () => {
  it('reads the vhost as amqplib does', () => {
    expect(vhostOf(new URL('amqp://h'))).toBe('/');
    expect(vhostOf(new URL('amqp://h:5672/'))).toBe('/');
    expect(vhostOf(new URL('amqp://h/%2F'))).toBe('/');
    expect(vhostOf(new URL('amqp://h/staging'))).toBe('staging');
  });

  it('defaults the management API to the AMQP port + 10000 with the same credentials', () => {
    expect(defaultManagementUrl(new URL('amqp://u:p@rabbit:5673/v')).href).toBe('http://u:p@rabbit:15673/');
    expect(defaultManagementUrl(new URL('amqp://rabbit')).href).toBe('http://rabbit:15672/');
    expect(defaultManagementUrl(new URL('amqps://rabbit')).href).toBe('https://rabbit:15671/');
  });
});

describe('speed and pacing', () => {
  afterEach(() => vi.useRealTimers());

  it('parses 1x, 2x, 0.5x, 3 and max', () => {
    expect(['1x', '2x', '0.5x', '3', 'max'].map(parseSpeed)).toEqual([1, 2, 0.5, 3, null]);
    for (const bad of ['0x', 'fast', '-1x', 'x', '']) expect(() => parseSpeed(bad)).toThrow(/--speed/);
  });

  it('spaces messages as recorded, divided by the speed; late ones go at once', async () => {
    vi.useFakeTimers();
    const pacer = new Pacer(2);
    const sent: number[] = [];
    const start = performance.now();
    const run = (async () => {
      for (const at of [1000, 1000, 3000, 2000, 7000]) {
        await pacer.wait(at);
        sent.push(Math.round(performance.now() - start));
      }
    })();
    await vi.runAllTimersAsync();
    await run;
    expect(sent).toEqual([0, 0, 1000, 1000, 3000]);
  });

  it('does not wait at max speed', async () => {
    const pacer = new Pacer(null);
    const before = performance.now();
    for (const at of [0, 60_000, 120_000]) await pacer.wait(at);
    expect(performance.now() - before).toBeLessThan(50);
  });
});
