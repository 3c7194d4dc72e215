import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches } from './password-hash.ts';
import { steps } from './plan.ts';
import { nextRecord } from './record.ts';
import { alternatives, passwordInUri, samePattern, shovelDefinition, tracerPermissions, unionPattern, withoutPattern, type MirrorSetup } from './setup.ts';

const setup: MirrorSetup = {
  originVhost: 'shop',
  mirrorVhost: 'trace',
  exchanges: [{ name: 'app.events', type: 'topic' }, { name: 'celery', type: 'topic' }],
  mirrorAmqp: { host: 'mirror.internal', port: 5672 },
  tracer: { login: 'warren', passcode: null },
  shovelUser: { login: 'warren-shovel', passcode: 'p@ss/w' },
  subscriptionBound: { maxLength: 10, maxLengthBytes: 100 },
  shovelBacklog: { maxLength: 20, maxLengthBytes: 200 },
  history: { maxAge: '1h', maxLengthBytes: 1000, segmentBytes: 100 },
  declareOriginExchanges: false,
};

describe('the plan', () => {
  it('makes the mirror ready before any shovel starts, and the shovels last', () => {
    const all = steps(setup);
    const firstOrigin = all.findIndex((s) => s.broker === 'origin');
    expect(all.slice(0, firstOrigin).every((s) => s.broker === 'mirror')).toBe(true);
    expect(all.slice(firstOrigin).every((s) => s.broker === 'origin')).toBe(true);
    expect(all.slice(-2).map((s) => s.kind)).toEqual(['shovel', 'shovel']);
    // A real origin's exchanges are never declared: they are the applications'.
    expect(all.filter((s) => s.kind === 'exchange').map((s) => s.broker)).toEqual(['mirror', 'mirror']);
    expect(steps({ ...setup, declareOriginExchanges: true }).filter((s) => s.kind === 'exchange' && s.broker === 'origin')).toHaveLength(2);
    expect(steps({ ...setup, history: null }).some((s) => s.name.startsWith('warren.history.'))).toBe(false);
  });

  it('gives each step its API request and command line', () => {
    const shovel = steps(setup).find((s) => s.kind === 'shovel')!;
    expect(shovel.path).toBe('/api/parameters/shovel/shop/warren-app.events');
    expect(shovel.command).toMatch(/^rabbitmqctl set_parameter -p shop shovel warren-app\.events '\{"src-protocol/);
    const binding = steps(setup).find((s) => s.kind === 'binding' && s.broker === 'origin')!;
    expect(binding.command).toBe("rabbitmqadmin -V shop declare binding source=app.events destination=warren.shovel.app.events routing_key='#'");
    expect(binding.deletePath).toBe('/api/bindings/shop/e/app.events/q/warren.shovel.app.events/%23');
  });

  it('prefixes the mirror exchanges with the origin name', () => {
    const named = { ...setup, originName: 'shop' };
    expect(steps(named).filter((s) => s.kind === 'exchange').map((s) => s.name)).toEqual(['shop.app.events', 'shop.celery']);
    expect(shovelDefinition(named, 'celery')['dest-exchange']).toBe('shop.celery');
  });

  it('shovels from its own node into the mirror vhost, with the shovel user', () => {
    const def = shovelDefinition(setup, 'app.events');
    expect(def['src-uri']).toBe('amqp:///shop');
    expect(def['dest-uri']).toBe('amqp://warren-shovel:p%40ss%2Fw@mirror.internal:5672/trace');
    expect(shovelDefinition({ ...setup, originVhost: '/', mirrorVhost: '/' }, 'x')['src-uri']).toBe('amqp://');
    expect(def).toMatchObject({ 'ack-mode': 'on-confirm', 'add-timestamp-header': true, 'src-queue': 'warren.shovel.app.events' });
    expect(def).not.toHaveProperty('dest-exchange-key');
  });

  it('delivers to every node of a mirror cluster, and replicates the history streams on them', () => {
    const cluster = { ...setup, mirrorAmqpAlternates: [{ host: 'm2', port: 5682 }, { host: '::1', port: 5692 }], historyReplicas: 3 };
    const shovel = steps(cluster).find((s) => s.kind === 'shovel')!;
    const value = (shovel.body(undefined) as { value: Record<string, unknown> }).value;
    expect(value['dest-uri']).toEqual([
      'amqp://warren-shovel:p%40ss%2Fw@mirror.internal:5672/trace',
      'amqp://warren-shovel:p%40ss%2Fw@m2:5682/trace',
      'amqp://warren-shovel:p%40ss%2Fw@[::1]:5692/trace',
    ]);
    // The single-node definition (a plain string) is not what a cluster wants: the shovel is changed.
    const single = (steps(setup).find((s) => s.kind === 'shovel')!.body(undefined) as { value: unknown }).value;
    expect(shovel.state({ value: single })).toBe('different');
    expect(shovel.state({ value })).toBe('same');
    expect(passwordInUri(value['dest-uri'])).toBe('p@ss/w');

    const stream = steps(cluster).find((s) => s.kind === 'queue' && s.name === 'warren.history.app.events')!;
    expect(stream.body(undefined)).toMatchObject({ arguments: { 'x-queue-type': 'stream', 'x-initial-cluster-size': 3 } });
    // An existing single-node stream is in place: the initial size only shapes a declaration.
    expect(stream.state({ durable: true, arguments: { 'x-queue-type': 'stream' } })).toBe('same');
    expect(stream.state({ durable: true, arguments: { 'x-queue-type': 'quorum' } })).toBe('different');
    const alone = steps({ ...setup, historyReplicas: 1 }).find((s) => s.kind === 'queue' && s.name === 'warren.history.app.events')!;
    expect(alone.body(undefined)).toEqual({ durable: true, auto_delete: false, arguments: { 'x-queue-type': 'stream' } });
  });

  it('tells in place from different, so a second apply changes nothing', () => {
    const all = steps(setup);
    const policy = all.find((s) => s.kind === 'policy' && s.broker === 'origin')!;
    const body = policy.body(undefined) as Record<string, unknown>;
    expect(policy.state(undefined)).toBe('absent');
    expect(policy.state({ ...body, vhost: 'shop', name: policy.name })).toBe('same');
    expect(policy.state({ ...body, definition: { 'max-length': 1 } })).toBe('different');
    const shovelUser = all.find((s) => s.kind === 'user' && s.name === 'warren-shovel')!;
    const salt = Buffer.from([1, 2, 3, 4]);
    // The shovel user is an impersonator: production's messages keep a user_id naming someone else.
    expect(shovelUser.state({ tags: ['impersonator'], password_hash: hashPassword('p@ss/w', salt), hashing_algorithm: 'rabbit_password_hashing_sha256' })).toBe('same');
    expect(shovelUser.state({ tags: [], password_hash: hashPassword('p@ss/w', salt), hashing_algorithm: 'rabbit_password_hashing_sha256' })).toBe('different');
    expect(shovelUser.state({ tags: ['impersonator'], password_hash: hashPassword('other', salt), hashing_algorithm: 'rabbit_password_hashing_sha256' })).toBe('different');
    // A kept tracer password: an existing user is in place, and its hash is sent back as it is.
    const tracer = all.find((s) => s.kind === 'user' && s.name === 'warren')!;
    expect(tracer.state({ tags: [], password_hash: 'xyz' })).toBe('same');
    expect(tracer.body({ tags: ['x'], password_hash: 'xyz', hashing_algorithm: 'h' })).toEqual({ password_hash: 'xyz', hashing_algorithm: 'h', tags: '' });
    const binding = all.find((s) => s.kind === 'binding')!;
    expect(binding.state([{ routing_key: '#' }])).toBe('same');
    expect(binding.state([])).toBe('absent');
  });

  it('keeps another origin’s exchanges in the permissions it shares', () => {
    const perms = steps(setup).find((s) => s.kind === 'permissions' && s.name === 'warren')!;
    const other = tracerPermissions(['other.x']);
    const merged = perms.body(other) as { read: string };
    expect(new RegExp(merged.read).test('other.x') && new RegExp(merged.read).test('app.events')).toBe(true);
    expect(perms.state(merged)).toBe('same');
    expect(perms.state(other)).toBe('different');
  });
});

describe('patterns', () => {
  it('union, removal and comparison of ^(a|b)$ alternatives', () => {
    expect(alternatives('^(a|b\\.c)$')).toEqual(['a', 'b\\.c']);
    expect(alternatives('.*')).toBeNull();
    expect(unionPattern('^(a|b)$', '^(b|c)$')).toBe('^(a|b|c)$');
    expect(unionPattern('.*', '^(b)$')).toBe('^(b)$');
    expect(withoutPattern('^(base|a|b)$', ['a'], ['base'])).toBe('^(base|b)$');
    expect(withoutPattern('^(base|a)$', ['a'], ['base'])).toBeNull();
    expect(samePattern('^(a|b)$', '^(b|a)$')).toBe(true);
    expect(samePattern('^(a|b)$', '^(a)$')).toBe(false);
  });

  it('checks a password against RabbitMQ’s salted hash', () => {
    // The hash the local mirror stored for warren-shovel / warren-shovel.
    const user = { password_hash: 'u1MHsAirWZ1J8qG3cEm6ChZtTUJz4ftuui586/iAGPhH360S', hashing_algorithm: 'rabbit_password_hashing_sha256' };
    expect(passwordMatches(user, 'warren-shovel')).toBe(true);
    expect(passwordMatches(user, 'warren-shovel2')).toBe(false);
    expect(passwordMatches({ password_hash: '' }, '')).toBe(false);
  });
});

describe('the record', () => {
  it('adds what an apply creates to what earlier ones did, and never what was already there', () => {
    const all = steps(setup);
    const planned = all.map((step, i) => ({ step, state: i < 2 ? ('absent' as const) : ('same' as const), body: null }));
    const base = { version: 1 as const, originVhost: 'shop', mirror: 'http://m', mirrorVhost: 'trace', exchanges: ['app.events'], tracerLogin: 'warren', shovelLogin: 'warren-shovel' };
    const first = nextRecord(base, null, planned);
    expect(first.created).toEqual([
      { broker: 'mirror', kind: 'exchange', vhost: 'trace', name: 'app.events' },
      { broker: 'mirror', kind: 'exchange', vhost: 'trace', name: 'celery' },
    ]);
    expect(nextRecord({ ...base, exchanges: ['celery'] }, first, planned)).toEqual({ ...first, exchanges: ['app.events', 'celery'] });
  });
});
