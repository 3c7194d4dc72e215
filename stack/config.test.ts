import { describe, expect, it } from 'vitest';
import { loadStackConfig } from './config.ts';
import { shovelDefinition, tracerPermissions } from './provision.ts';

describe('stack configuration', () => {
  it('uses the documented defaults', () => {
    const c = loadStackConfig({});
    expect([c.origin.amqpPort.port, c.origin.managementPort.port, c.origin.distPort.port]).toEqual([5672, 15672, 25672]);
    expect([c.mirror.amqpPort.port, c.mirror.managementPort.port, c.mirror.webStompPort?.port]).toEqual([5673, 15673, 15674]);
    expect(c.tracer).toEqual({ login: 'warren', passcode: 'warren-tracer' });
  });

  it('moves every port with its variable and names the variable in errors', () => {
    const c = loadStackConfig({ WARREN_ORIGIN_AMQP_PORT: '5700', WARREN_WEB_STOMP_PORT: '15700' });
    expect(c.origin.amqpPort).toEqual({ port: 5700, envVar: 'WARREN_ORIGIN_AMQP_PORT' });
    expect(c.origin.distPort.port).toBe(25700);
    expect(c.mirror.webStompPort).toEqual({ port: 15700, envVar: 'WARREN_WEB_STOMP_PORT' });
    expect(() => loadStackConfig({ WARREN_MIRROR_MGMT_PORT: 'abc' })).toThrow(/WARREN_MIRROR_MGMT_PORT=abc/);
  });

  it('keeps an hour or 1 GiB of history per traced exchange unless told otherwise', () => {
    expect(loadStackConfig({}).history).toEqual({ maxAge: '1h', maxLengthBytes: 1024 ** 3, segmentBytes: 32 * 1024 ** 2 });
    const small = loadStackConfig({ WARREN_HISTORY_MAX_AGE: '15m', WARREN_HISTORY_MAX_BYTES: String(64 * 1024 ** 2) }).history;
    // Segments small enough that retention drops old ones in steps of 1/16 of the bound.
    expect(small).toEqual({ maxAge: '15m', maxLengthBytes: 64 * 1024 ** 2, segmentBytes: 4 * 1024 ** 2 });
    expect(() => loadStackConfig({ WARREN_HISTORY_MAX_AGE: '1 hour' })).toThrow(/WARREN_HISTORY_MAX_AGE=1 hour/);
    expect(() => loadStackConfig({ WARREN_HISTORY_MAX_BYTES: '-5' })).toThrow(/WARREN_HISTORY_MAX_BYTES=-5/);
  });
});

describe('what the stack grants', () => {
  const config = loadStackConfig({});

  it('lets the tracer only declare, bind and read its own subscription queues', () => {
    const p = tracerPermissions(config.exchanges);
    const configure = new RegExp(p.configure);
    const write = new RegExp(p.write);
    const read = new RegExp(p.read);
    expect(configure.test('stomp-subscription-abc')).toBe(true);
    expect(configure.test('celery')).toBe(false);
    // No write on any exchange: the tracer can never publish into the mirror.
    for (const ex of ['celery', 'app.events', 'amq.topic', '']) expect(write.test(ex)).toBe(false);
    for (const ex of ['celery', 'celery.replies', 'celeryev', 'app.events', 'amq.topic']) expect(read.test(ex)).toBe(true);
    expect(read.test('appXevents')).toBe(false);
    // The history streams: read (consume from any offset), never configure or write.
    expect(read.test('warren.history.app.events')).toBe(true);
    expect(read.test('warren.history.other')).toBe(false);
    expect(configure.test('warren.history.app.events') || write.test('warren.history.app.events')).toBe(false);
    expect(read.test('celery-other')).toBe(false);
  });

  it('shovels keep the routing key and confirm before acking', () => {
    const def = shovelDefinition(config, 'app.events');
    // A durable queue of the shovel's own: nothing lost while the mirror is away.
    expect(def).toMatchObject({ 'src-queue': 'warren.shovel.app.events', 'dest-exchange': 'app.events', 'ack-mode': 'on-confirm' });
    expect(def).not.toHaveProperty('src-exchange');
    expect(def).not.toHaveProperty('dest-exchange-key');
  });
});
