/**
 * `warren mirror` against the real stack, the local origin playing "your
 * production": a fresh vhost on each node and an administrator of the
 * test's own (its password must never appear in any output), the CLI run as
 * a user runs it (a child process), each broker compared before and after.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';
import { expect, test } from './support/test.ts';
import { loadStackConfig } from '../stack/config.ts';
import { rabbitmqctl } from '../stack/rabbitmq-node.ts';
import { runId } from './support/origin.ts';

const config = loadStackConfig();
const run = runId();
const vhost = `warren-cli-${run}`;
const admin = { login: `cli-admin-${run}`, passcode: `pw-${randomBytes(9).toString('hex')}` };
const weak = { login: `cli-weak-${run}`, passcode: `pw-${randomBytes(9).toString('hex')}` };
const wrongPassword = `wrong-${randomBytes(9).toString('hex')}`;
const tracerLogin = `warren-t-${run}`;
const shovelLogin = `warren-shovel-${run}`;
const port = { origin: config.origin.managementPort.port, mirror: config.mirror.managementPort.port };
const mgmt = (node: 'origin' | 'mirror', user = admin) => `http://${user.login}:${encodeURIComponent(user.passcode)}@127.0.0.1:${port[node]}`;
const amqpPort = { origin: config.origin.amqpPort.port, mirror: config.mirror.amqpPort.port };

/** Every line any command printed, for the password scan. */
const printed: string[] = [];
const secrets: string[] = [admin.passcode, weak.passcode, wrongPassword];
let tracerPassword = '';

async function api(node: 'origin' | 'mirror', method: string, path: string, body?: unknown): Promise<unknown> {
  const auth = 'Basic ' + Buffer.from(`${config.admin.login}:${config.admin.passcode}`).toString('base64');
  const res = await fetch(`http://127.0.0.1:${port[node]}/api/${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok && !(method === 'DELETE' && res.status === 404)) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

interface Result {
  code: number;
  out: string;
}

function warren(args: string[]): Promise<Result> {
  // Nothing of the caller's WARREN_* leaks in (a set tracer password would change what apply prints).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WARREN_')));
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'cli/warren.ts', 'mirror', ...args], { env, timeout: 90_000 }, (error, stdout, stderr) => {
      printed.push(...stdout.split('\n'), ...stderr.split('\n'));
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, out: `${stdout}\n${stderr}` });
    });
  });
}

const common = ['--vhost', vhost, '--mirror-amqp', `amqp://127.0.0.1:${amqpPort.mirror}`, '--tracer-user', tracerLogin, '--shovel-user', shovelLogin];
const both = ['--origin', mgmt('origin'), '--mirror', mgmt('mirror'), ...common];
const traced = [...both, '--exchange', 'app.events', '--exchange', 'orders'];

/** What the test's vhosts hold on both brokers, and the users and records the CLI may create. */
async function snapshot() {
  const v = encodeURIComponent(vhost);
  const ours = (list: unknown) => (list as { name: string }[]).filter((x) => x.name.includes(run) || x.name.startsWith(`warren-mirror-${vhost}`));
  const strip = (defs: unknown) => ({ ...(defs as Record<string, unknown>), rabbit_version: undefined });
  return {
    origin: strip(await api('origin', 'GET', `definitions/${v}`)),
    mirror: strip(await api('mirror', 'GET', `definitions/${v}`)),
    originPermissions: await api('origin', 'GET', `vhosts/${v}/permissions`),
    mirrorPermissions: await api('mirror', 'GET', `vhosts/${v}/permissions`),
    mirrorUsers: ours(await api('mirror', 'GET', 'users')).map((u) => u.name),
    originGlobals: ours(await api('origin', 'GET', 'global-parameters')),
    shovels: await api('origin', 'GET', `parameters/shovel/${v}`),
  };
}

test.describe.configure({ mode: 'serial' });

let beforeApply: Awaited<ReturnType<typeof snapshot>>;

test.beforeAll(async () => {
  for (const node of ['origin', 'mirror'] as const) {
    await api(node, 'PUT', `vhosts/${encodeURIComponent(vhost)}`, {});
    await api(node, 'PUT', `users/${admin.login}`, { password: admin.passcode, tags: 'administrator' });
    await api(node, 'PUT', `permissions/${encodeURIComponent(vhost)}/${admin.login}`, { configure: '.*', write: '.*', read: '.*' });
  }
  await api('origin', 'PUT', `users/${weak.login}`, { password: weak.passcode, tags: 'management' });
  // The origin's exchanges belong to its applications: they exist before warren mirror runs.
  for (const name of ['app.events', 'orders']) await api('origin', 'PUT', `exchanges/${encodeURIComponent(vhost)}/${name}`, { type: 'topic', durable: true });
});

test.afterAll(async () => {
  for (const node of ['origin', 'mirror'] as const) {
    await api(node, 'DELETE', `vhosts/${encodeURIComponent(vhost)}`);
    for (const user of [admin.login, weak.login, tracerLogin, shovelLogin]) await api(node, 'DELETE', `users/${user}`);
  }
  await api('origin', 'DELETE', `global-parameters/${encodeURIComponent(`warren-mirror-${vhost}`)}`);
});

test('plan prints the steps and their commands, and changes nothing', async () => {
  beforeApply = await snapshot();
  const r = await warren(['plan', ...traced]);
  expect(r.code, r.out).toBe(0);
  expect(r.out).toContain('[create] origin dynamic shovel warren-app.events');
  expect(r.out).toContain(`rabbitmqctl set_parameter -p ${vhost} shovel warren-orders`);
  expect(r.out).toContain(`rabbitmqadmin -V ${vhost} declare binding source=app.events destination=warren.shovel.app.events routing_key='#'`);
  expect(r.out).toContain('plan: nothing was changed');
  expect(await snapshot()).toEqual(beforeApply);
});

test('apply mirrors the origin vhost: what is published there reaches a tracer reading the mirror', async () => {
  const r = await warren(['apply', ...traced]);
  expect(r.code, r.out).toBe(0);
  expect(r.out).toContain('shovels running: warren-app.events, warren-orders');
  const shown = /its password \(shown this once, keep it\): (\S+)/.exec(r.out);
  expect(shown, r.out).not.toBeNull();
  tracerPassword = shown![1]!;
  secrets.push(tracerPassword);
  const shovel = (await api('origin', 'GET', `parameters/shovel/${encodeURIComponent(vhost)}/warren-app.events`)) as { value: { 'dest-uri': string } };
  secrets.push(decodeURIComponent(new URL(shovel.value['dest-uri']).password));

  // A tracer, as the browser would be: its own stomp-subscription-* queue bound to the mirror's exchange.
  const mirror = await connect(`amqp://${tracerLogin}:${encodeURIComponent(tracerPassword)}@127.0.0.1:${amqpPort.mirror}/${encodeURIComponent(vhost)}`);
  const origin = await connect(`amqp://${admin.login}:${admin.passcode}@127.0.0.1:${amqpPort.origin}/${encodeURIComponent(vhost)}`);
  try {
    const reader = await mirror.createChannel();
    const { queue } = await reader.assertQueue(`stomp-subscription-${run}`, { exclusive: true, autoDelete: true });
    await reader.bindQueue(queue, 'orders', 'eu.#');
    const received = new Promise<{ key: string; body: string; shovelled: unknown }>((resolve) => {
      void reader.consume(queue, (m) => m && resolve({ key: m.fields.routingKey, body: m.content.toString(), shovelled: m.properties.headers?.['x-shovelled-timestamp'] }), { noAck: true });
    });
    const publisher = await origin.createConfirmChannel();
    publisher.publish('orders', 'eu.created', Buffer.from(`{"run":"${run}"}`));
    await publisher.waitForConfirms();
    const got = await Promise.race([received, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    expect(got).toMatchObject({ key: 'eu.created', body: `{"run":"${run}"}` });
    expect(typeof got?.shovelled).toBe('number');
  } finally {
    await mirror.close();
    await origin.close();
  }
});

test('a second apply changes nothing and says so', async () => {
  const before = await snapshot();
  const r = await warren(['apply', ...traced]);
  expect(r.code, r.out).toBe(0);
  expect(r.out).toMatch(/apply: nothing to change, all \d+ objects already in place/);
  expect(r.out).not.toContain('its password');
  const after = await snapshot();
  expect(after).toEqual(before);
});

test('status reports the shovels running with no backlog', async () => {
  const r = await warren(['status', ...both]);
  expect(r.code, r.out).toBe(0);
  expect(r.out).toContain('shovel warren-app.events: running; backlog 0');
  expect(r.out).toContain('shovel warren-orders: running; backlog 0');
  expect(r.out).toMatch(/history warren\.history\.orders: .*lag: newest message shovelled \d+ s ago/);
  expect(r.out).toContain('status: healthy');
});

test('watch restarts a shovel that moves nothing while messages wait, says so, and what waited arrives', async () => {
  test.setTimeout(120_000);
  // The stand-in for the stall seen on a cluster: a memory alarm on the mirror blocks the shovel's
  // publishes, so it reports running, confirms nothing and acks nothing, while the origin queue fills.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WARREN_')));
  const watch = spawn(process.execPath, ['--import', 'tsx', 'cli/warren.ts', 'mirror', 'watch', '--origin', mgmt('origin'), '--vhost', vhost, '--stall-seconds', '6'], { env });
  let out = '';
  const collect = (chunk: Buffer) => (out += chunk.toString());
  watch.stdout.on('data', collect);
  watch.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => watch.once('exit', (code) => resolve(code)));
  const mirror = await connect(`amqp://${tracerLogin}:${encodeURIComponent(tracerPassword)}@127.0.0.1:${amqpPort.mirror}/${encodeURIComponent(vhost)}`);
  const origin = await connect(`amqp://${admin.login}:${admin.passcode}@127.0.0.1:${amqpPort.origin}/${encodeURIComponent(vhost)}`);
  try {
    await expect.poll(() => out, { timeout: 20_000 }).toContain('watching warren-app.events, warren-orders');
    const reader = await mirror.createChannel();
    const { queue } = await reader.assertQueue(`stomp-subscription-watch-${run}`, { exclusive: true, autoDelete: true });
    await reader.bindQueue(queue, 'orders', 'stall.#');
    const seen = new Set<string>();
    await reader.consume(queue, (m) => m && seen.add(m.content.toString()), { noAck: true });

    await rabbitmqctl(config, config.mirror, ['set_vm_memory_high_watermark', '0.000001']);
    const publisher = await origin.createConfirmChannel();
    for (let i = 0; i < 50; i++) publisher.publish('orders', `stall.${i}`, Buffer.from(`${run}-${i}`));
    await publisher.waitForConfirms();
    // 6 s without an ack, plus the management API's 5 s statistics interval, plus a poll.
    await expect.poll(() => out, { timeout: 45_000 }).toContain('shovel warren-orders has acked nothing for 6 s with messages waiting on the origin: restarting it');
    expect(out).not.toContain('shovel warren-app.events has acked nothing');
    expect(seen.size).toBe(0);

    // The restart answers once the blocked connection is closed, which the alarm holds up.
    await rabbitmqctl(config, config.mirror, ['set_vm_memory_high_watermark', '0.4']);
    await expect.poll(() => out, { timeout: 40_000 }).toMatch(/shovel warren-orders (restarted|: the restart failed)/);
    await expect.poll(() => seen.size, { timeout: 30_000 }).toBe(50);
    watch.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('watch: stopped');
    printed.push(...out.split('\n'));
  } finally {
    await rabbitmqctl(config, config.mirror, ['set_vm_memory_high_watermark', '0.4']).catch(() => undefined);
    watch.kill('SIGTERM');
    await mirror.close();
    await origin.close();
  }
});

test('remove leaves both brokers exactly as they were before apply', async () => {
  const r = await warren(['remove', ...both]);
  expect(r.code, r.out).toBe(0);
  expect(r.out).toContain('origin deleted dynamic shovel warren-orders');
  expect(await snapshot()).toEqual(beforeApply);
  // Nothing recorded any more: status is unhealthy, a second remove has nothing to do.
  expect((await warren(['status', ...both])).code).toBe(1);
  expect((await warren(['remove', ...both])).out).toContain('nothing to remove');
});

test.describe('preflight', () => {
  test('an exchange missing on the origin', async () => {
    const r = await warren(['plan', ...both, '--exchange', 'app.events', '--exchange', 'no.such']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`exchange "no.such" does not exist on the origin (vhost "${vhost}")`);
    expect(r.out).not.toContain('"app.events" does not exist');
  });

  test('origin and mirror the same cluster (and no web_stomp there)', async () => {
    const r = await warren(['apply', '--origin', mgmt('origin'), '--mirror', mgmt('origin'), ...common, '--exchange', 'app.events']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('origin and mirror are the same cluster');
    expect(r.out).toContain('mirror: web_stomp is not enabled');
    expect(r.out).toContain('web_stomp.ws_frame = binary');
  });

  test('no shovel plugin on the origin, no web_stomp on the mirror (the two nodes swapped)', async () => {
    const r = await warren(['plan', '--origin', mgmt('mirror'), '--mirror', mgmt('origin'), ...common, '--exchange', 'app.events']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('origin: the shovel plugin is not enabled');
    expect(r.out).toContain('rabbitmq-plugins enable rabbitmq_shovel rabbitmq_shovel_management');
    expect(r.out).toContain('mirror: web_stomp is not enabled');
    expect(r.out).not.toContain('same cluster');
  });

  test('credentials refused, permissions too weak, a missing vhost, no management API', async () => {
    const refused = await warren(['plan', '--origin', mgmt('origin', { login: admin.login, passcode: wrongPassword }), '--mirror', mgmt('mirror'), ...common, '--exchange', 'app.events']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`origin: credentials refused for user "${admin.login}"`);
    const weakUser = await warren(['plan', '--origin', mgmt('origin', weak), '--mirror', mgmt('mirror'), ...common, '--exchange', 'app.events']);
    expect(weakUser.code).toBe(1);
    expect(weakUser.out).toContain(`rabbitmqctl set_user_tags ${weak.login} administrator`);
    const noVhost = await warren(['plan', ...both, '--mirror-vhost', `absent-${run}`, '--exchange', 'app.events']);
    expect(noVhost.code).toBe(1);
    expect(noVhost.out).toContain(`mirror: vhost "absent-${run}" does not exist`);
    const closed = await warren(['status', '--origin', `http://${admin.login}:${admin.passcode}@127.0.0.1:1`, '--mirror', mgmt('mirror'), ...common]);
    expect(closed.code).toBe(1);
    expect(closed.out).toContain('origin: no management API at http://127.0.0.1:1');
    expect(closed.out).toContain('rabbitmq-plugins enable rabbitmq_management');
  });
});

test('no output line of any command contains a password, except the tracer password shown once', () => {
  expect(printed.length).toBeGreaterThan(50);
  expect(secrets.length).toBe(5);
  for (const secret of secrets) {
    const lines = printed.filter((l) => l.includes(secret) || l.includes(encodeURIComponent(secret)));
    if (secret === tracerPassword) expect(lines).toEqual([expect.stringMatching(/^tracer user ".*" created; its password \(shown this once, keep it\): /)]);
    else expect(lines).toEqual([]);
  }
});
