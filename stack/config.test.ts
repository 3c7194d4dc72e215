import { describe, expect, it } from 'vitest';
import { loadStackConfig, webStompUrl, webStompUrls } from './config.ts';
import { clusterNodename, withMirrorNodesFlag } from './mirror-cluster-config.ts';
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

describe('the mirror as a cluster', () => {
  it('is one node by default, the mirror itself', () => {
    const c = loadStackConfig({});
    expect(c.mirrors).toHaveLength(1);
    expect(c.mirrors[0]).toBe(c.mirror);
    expect(c.mirror.label).toBeUndefined();
    expect(webStompUrls(c)).toEqual([webStompUrl(c)]);
  });

  it('derives nodes 2..N from node 1: name, folder, and every port 10 apart', () => {
    const c = loadStackConfig({ WARREN_MIRROR_NODES: '3', WARREN_STACK_DIR: '/tmp/s' });
    expect(c.mirrors.map((n) => n.nodename)).toEqual(['warren-mirror@localhost', 'warren-mirror-2@localhost', 'warren-mirror-3@localhost']);
    expect(c.mirrors.map((n) => n.dir)).toEqual(['/tmp/s/mirror', '/tmp/s/mirror-2', '/tmp/s/mirror-3']);
    expect(c.mirrors.map((n) => [n.amqpPort.port, n.managementPort.port, n.webStompPort?.port, n.distPort.port])).toEqual([
      [5673, 15673, 15674, 25673],
      [5683, 15683, 15684, 25683],
      [5693, 15693, 15694, 25693],
    ]);
    expect(c.mirror).toBe(c.mirrors[0]);
    expect(c.mirrors.every((n) => n.role === 'mirror')).toBe(true);
    expect(c.mirrors.map((n) => n.label)).toEqual([undefined, 'mirror-2', 'mirror-3']);
    expect(webStompUrls(c)).toEqual(['ws://127.0.0.1:15674/ws', 'ws://127.0.0.1:15684/ws', 'ws://127.0.0.1:15694/ws']);
  });

  it('moves the other nodes only through node 1 ports, and names that variable in errors', () => {
    const c = loadStackConfig({ WARREN_MIRROR_NODES: '2', WARREN_MIRROR_AMQP_PORT: '6673', WARREN_MIRROR_MGMT_PORT: '16673', WARREN_WEB_STOMP_PORT: '16674', WARREN_MIRROR_DIST_PORT: '30000' });
    const second = c.mirrors[1];
    expect([second?.amqpPort.port, second?.managementPort.port, second?.webStompPort?.port, second?.distPort.port]).toEqual([6683, 16683, 16684, 30010]);
    expect(second?.amqpPort.envVar).toBe('WARREN_MIRROR_AMQP_PORT');
    expect(() => loadStackConfig({ WARREN_MIRROR_NODES: '0' })).toThrow(/WARREN_MIRROR_NODES=0/);
    expect(() => loadStackConfig({ WARREN_MIRROR_NODES: 'three' })).toThrow(/WARREN_MIRROR_NODES=three/);
  });

  it('names cluster nodes after the first, host kept', () => {
    expect(clusterNodename('hA-mirror@localhost', 2)).toBe('hA-mirror-2@localhost');
    expect(clusterNodename('rabbit', 3)).toBe('rabbit-3');
  });

  it('takes --mirror-nodes over WARREN_MIRROR_NODES', () => {
    expect(withMirrorNodesFlag(['--mirror-nodes', '3'], { WARREN_MIRROR_NODES: '2' }).WARREN_MIRROR_NODES).toBe('3');
    expect(withMirrorNodesFlag(['--mirror-nodes=2'], {}).WARREN_MIRROR_NODES).toBe('2');
    expect(withMirrorNodesFlag([], { WARREN_MIRROR_NODES: '2' }).WARREN_MIRROR_NODES).toBe('2');
    expect(() => withMirrorNodesFlag(['--mirror-node', '3'], {})).toThrow();
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
    // One mirror node: one URI, as single-node installs have always had it.
    expect(def['dest-uri']).toBe('amqp://warren-shovel:warren-shovel@127.0.0.1:5673');
  });

  it('gives the shovels every mirror node of a cluster, node 1 first', () => {
    const def = shovelDefinition(loadStackConfig({ WARREN_MIRROR_NODES: '3' }), 'app.events');
    expect(def['dest-uri']).toEqual([5673, 5683, 5693].map((p) => `amqp://warren-shovel:warren-shovel@127.0.0.1:${p}`));
  });
});
