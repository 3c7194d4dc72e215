/**
 * `warren record` and `warren replay` against the real mirror node: known
 * messages published into a fresh vhost are recorded over web_stomp,
 * replayed (exchange mapped) into a second fresh vhost and recorded again:
 * the same bodies, routing keys and headers, byte for byte. Replay to the
 * local origin (an origin the stack's shovels manage) is refused, and no
 * line any command prints holds a password.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'amqplib';
import { expect, test } from './support/test.ts';
import { NdjsonReader, type ArchiveRecord } from '../src/archive/index.ts';
import { loadStackConfig, webStompUrl } from '../stack/config.ts';
import { ManagementApi, seg } from '../stack/management-api.ts';

const config = loadStackConfig();
const repo = resolve(import.meta.dirname, '..');
const mirrorApi = new ManagementApi(`http://127.0.0.1:${config.mirror.managementPort.port}`, config.admin);
const id = randomBytes(4).toString('hex');
const sourceVhost = `warren-record-${id}`;
const targetVhost = `warren-replay-${id}`;
const replayUser = { login: `warren-replay-${id}`, passcode: `pw-${randomBytes(12).toString('hex')}` };
const SOURCE_EXCHANGE = 'app.events';
const TARGET_EXCHANGE = 'app.events.replayed';
const tracerUrl = new URL(webStompUrl(config));
const replayTo = `amqp://${replayUser.login}:${replayUser.passcode}@127.0.0.1:${config.mirror.amqpPort.port}/${seg(targetVhost)}`;

/** Every line every command printed, for the password scan. */
const printed: string[] = [];
/** Commands still running, stopped (Ctrl-C) when the tests end. */
const running = new Set<ChildProcess>();

interface Run {
  stderr: string;
  stdout: string;
  code: Promise<number>;
}

function warren(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn('npx', ['warren', ...args], { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const run: Run = { stderr: '', stdout: '', code: Promise.resolve(0) };
  child.stdout.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
  run.code = new Promise((done) =>
    child.on('close', (code) => {
      running.delete(child);
      printed.push(...run.stdout.split('\n'), ...run.stderr.split('\n'));
      done(code ?? -1);
    }),
  );
  return run;
}

async function finished(run: Run): Promise<Run & { exit: number }> {
  return { ...run, exit: await run.code, stdout: run.stdout, stderr: run.stderr };
}

/** Records from the target vhost's web_stomp until `count` messages, once subscribed. */
async function startRecording(vhost: string, exchange: string, out: string, count: number, passcodeInUrl: boolean): Promise<Run> {
  const url = new URL(tracerUrl.href);
  url.username = config.tracer.login;
  if (passcodeInUrl) url.password = config.tracer.passcode;
  const run = warren(['record', '--mirror', url.href, '--vhost', vhost, '--sub', `/exchange/${exchange}/#`, '--out', out, '--count', String(count)], {
    WARREN_TRACER_PASSWORD: passcodeInUrl ? '' : config.tracer.passcode,
  });
  await expect.poll(() => run.stderr, { timeout: 30_000 }).toContain(`subscribed to /exchange/${exchange}/#`);
  return run;
}

function readRecords(path: string): { record: ArchiveRecord; bytes: Uint8Array }[] {
  const records: { record: ArchiveRecord; bytes: Uint8Array }[] = [];
  const bad: string[] = [];
  const reader = new NdjsonReader({ onRecord: (p) => records.push(p), onBadLine: (b) => bad.push(`${b.line}: ${b.reason}`) });
  reader.push(new Uint8Array(readFileSync(path)));
  reader.end();
  expect(reader.fatalError).toBeNull();
  expect(bad).toEqual([]);
  return records;
}

const binaryBody = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 167 + 13) % 256));
const largeBody = Buffer.from(randomBytes(150_000).toString('base64'));

/** The messages published into the source vhost, in order; the last one is filtered out by the replay. */
const MESSAGES: { routingKey: string; body: Buffer; options: import('amqplib').Options.Publish }[] = [
  {
    routingKey: 'orders.eu.created',
    body: binaryBody,
    options: { contentType: 'application/octet-stream', headers: { s: 'text', big: { '!': 'long', value: 12345678901 }, small: { '!': 'int', value: -7 }, zero: { '!': 'long', value: 0 } } },
  },
  {
    routingKey: 'users.signup',
    body: Buffer.from('ünïcödé ✓ 日本語 🐇\n{"quote":"\\""}', 'utf8'),
    options: {
      contentType: 'text/plain; charset=utf-8',
      contentEncoding: 'identity',
      correlationId: 'corr-1',
      messageId: 'msg-1',
      timestamp: 1764547200,
      type: 'user.signup',
      appId: 'shop',
      userId: replayUser.login,
      replyTo: 'replies.q',
      expiration: '600000',
      priority: 5,
      deliveryMode: 2,
      headers: { 'x-unicode': 'héllo: wörld\nnext\\line', 'x-leading-zero': '007', 'x-digits-as-text': '42', 'x-negative': { '!': 'int', value: -2147483648 } },
    },
  },
  { routingKey: '', body: Buffer.alloc(0), options: { deliveryMode: 1, headers: {} } },
  { routingKey: 'odd/key.100%.ü', body: largeBody, options: { contentType: 'text/plain', headers: { 'x-warren-seq': { '!': 'long', value: 4 } } } },
  { routingKey: 'skip.this', body: Buffer.from('{"filtered":true}'), options: { contentType: 'application/json' } },
];

/** Per-delivery headers: they differ between two recordings by nature. */
const PER_DELIVERY = ['message-id', 'subscription', 'destination'];

function withoutPerDelivery(headers: Record<string, string>): string {
  return JSON.stringify(Object.entries(headers).filter(([name]) => !PER_DELIVERY.includes(name)));
}

test.beforeAll(async () => {
  for (const vhost of [sourceVhost, targetVhost]) await mirrorApi.put(`/api/vhosts/${seg(vhost)}`, {});
  await mirrorApi.put(`/api/users/${seg(replayUser.login)}`, { password: replayUser.passcode, tags: 'management' });
  for (const [vhost, exchange] of [
    [sourceVhost, SOURCE_EXCHANGE],
    [targetVhost, TARGET_EXCHANGE],
  ] as const) {
    await mirrorApi.put(`/api/exchanges/${seg(vhost)}/${seg(exchange)}`, { type: 'topic', durable: true, auto_delete: false });
    await mirrorApi.put(`/api/permissions/${seg(vhost)}/${seg(replayUser.login)}`, { configure: '.*', write: '.*', read: '.*' });
    // As the stack's tracer: its own subscription queues, and reading the exchange.
    await mirrorApi.put(`/api/permissions/${seg(vhost)}/${seg(config.tracer.login)}`, {
      configure: '^stomp-subscription-.*',
      write: '^stomp-subscription-.*',
      read: `^(stomp-subscription-.*|${exchange.replace(/\./g, '\\.')})$`,
    });
  }
});

test.afterAll(async () => {
  for (const child of running) child.kill('SIGINT');
  for (const vhost of [sourceVhost, targetVhost]) await mirrorApi.delete(`/api/vhosts/${seg(vhost)}`).catch(() => undefined);
  await mirrorApi.delete(`/api/users/${seg(replayUser.login)}`).catch(() => undefined);
});

test('record → replay to another vhost → record again gives the same messages, byte for byte; no password printed', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'warren-record-replay-'));
  try {
    const first = join(dir, 'first.ndjson');
    const second = join(dir, 'second.ndjson.gz');

    // 1. Record the source vhost (passcode in the URL) while the known messages are published into it.
    const recording = await startRecording(sourceVhost, SOURCE_EXCHANGE, first, MESSAGES.length, true);
    const connection = await connect(`amqp://${replayUser.login}:${replayUser.passcode}@127.0.0.1:${config.mirror.amqpPort.port}/${seg(sourceVhost)}`);
    const channel = await connection.createConfirmChannel();
    for (const m of MESSAGES) channel.publish(SOURCE_EXCHANGE, m.routingKey, m.body, m.options);
    await channel.waitForConfirms();
    await connection.close();
    const recorded = await finished(recording);
    expect(recorded.exit, recorded.stderr).toBe(0);
    expect(recorded.stdout).toContain(`recorded ${MESSAGES.length} messages`);
    const original = readRecords(first);
    expect(original.map((r) => r.record.routingKey)).toEqual(MESSAGES.map((m) => m.routingKey));
    original.forEach((r, i) => expect(Buffer.from(r.bytes).equals(MESSAGES[i]!.body)).toBe(true));

    // 2. Record the target vhost (passcode from the environment), replay into it with the exchange mapped and a filter.
    const kept = MESSAGES.length - 1;
    const rerecording = await startRecording(targetVhost, TARGET_EXCHANGE, second, kept, false);
    const replay = await finished(
      warren(['replay', first, '--to', replayTo, '--exchange-map', `${SOURCE_EXCHANGE}=${TARGET_EXCHANGE}`, '--speed', '2x', '--filter=-skip.#']),
    );
    expect(replay.exit, replay.stderr).toBe(0);
    expect(replay.stdout).toContain(`${MESSAGES.length} read, 1 filtered out, ${kept} published, ${kept} confirmed, 0 nacked, 0 unroutable, 0 bad lines`);
    const rerecorded = await finished(rerecording);
    expect(rerecorded.exit, rerecorded.stderr).toBe(0);

    // 3. The same messages: bodies, routing keys, properties and headers (the per-delivery ones aside), in order.
    const again = readRecords(second);
    expect(again).toHaveLength(kept);
    again.forEach(({ record, bytes }, i) => {
      const before = original[i]!;
      expect(record.exchange).toBe(TARGET_EXCHANGE);
      expect(record.routingKey).toBe(before.record.routingKey);
      expect(record.bodyEncoding).toBe(before.record.bodyEncoding);
      expect(record.body).toBe(before.record.body);
      expect(Buffer.from(bytes).equals(Buffer.from(before.bytes))).toBe(true);
      expect(withoutPerDelivery(record.headers)).toBe(withoutPerDelivery(before.record.headers));
      expect(record.headers['destination']).toBe(before.record.headers['destination']!.replace(`/exchange/${SOURCE_EXCHANGE}`, `/exchange/${TARGET_EXCHANGE}`));
    });
    // What STOMP delivers of the properties and headers, checked once against what was published.
    expect(again[1]!.record.headers).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      'correlation-id': 'corr-1',
      'amqp-message-id': 'msg-1',
      timestamp: '1764547200',
      'user-id': replayUser.login,
      'reply-to': '/reply-queue/replies.q',
      persistent: 'true',
      priority: '5',
      'x-unicode': 'héllo: wörld\nnext\\line',
      'x-leading-zero': '007',
      'x-negative': '-2147483648',
    });
    expect(again[0]!.record.headers).toMatchObject({ big: '12345678901', small: '-7', zero: '0', s: 'text' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('replay refuses the local origin (a managed origin) and any broker not named with --to; record names a refused subscription', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warren-replay-refused-'));
  try {
    const file = join(dir, 'one.ndjson');
    const line = { v: 1, receivedAt: 1, exchange: 'app.events', routingKey: 'replay.refused', subscription: '', headers: {}, bodyEncoding: 'utf8', body: 'x' };
    writeFileSync(file, JSON.stringify(line) + '\n');
    // The local origin carries the stack's shovel queues and parameters: exactly what warren mirror creates.
    const origin = `amqp://${config.admin.login}:${config.admin.passcode}@127.0.0.1:${config.origin.amqpPort.port}/`;
    const refused = await finished(warren(['replay', file, '--to', origin]));
    expect(refused.exit).toBe(1);
    expect(refused.stderr).toMatch(/refusing: amqp:\/\/\S+@127\.0\.0\.1:\d+\/ \(vhost \/\) is an origin that warren mirror manages \(.*shovel queue warren\.shovel\./);
    expect(refused.stderr).toContain('--force-managed-origin');
    expect(refused.stdout).not.toContain('published');

    // A subscription the broker refuses ends the recording, naming it (web_stomp 3.10 closes without the ERROR frame).
    const missing = '/exchange/warren.no.such.exchange/#';
    const refusedSub = await finished(
      warren(['record', '--sub', missing, '--out', join(dir, 'none.ndjson'), '--duration', '20'], { WARREN_TRACER_PASSWORD: config.tracer.passcode }),
    );
    expect(refusedSub.exit).toBe(1);
    expect(refusedSub.stderr).toContain(`the broker refused the subscription to ${missing}`);

    const unnamed = await finished(warren(['replay', file]));
    expect(unnamed.exit).toBe(2);
    expect(unnamed.stderr).toContain('refusing to publish without --to');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no line printed by record or replay holds a password', () => {
  // Runs after the tests above (one worker, file order), over everything they printed.
  expect(printed.length).toBeGreaterThan(10);
  const secrets = [config.tracer.passcode, replayUser.passcode, `:${config.admin.passcode}@`];
  for (const secret of secrets) expect(printed.filter((line) => line.includes(secret))).toEqual([]);
});
