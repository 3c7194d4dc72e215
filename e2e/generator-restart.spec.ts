import { expect, test } from './support/test.ts';
import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { ORIGIN_SEQ_HEADER, readIntHeader, SEQ_HEADER } from '../generator/message.ts';
import { RPC_SERVICE_APP_ID } from '../generator/rpc-messages.ts';
import { amqpUrl, loadStackConfig } from '../stack/config.ts';
import { stackStatus } from '../stack/stack.ts';
import { runGeneratorScript, type ScriptRun } from './support/generator-processes.ts';
import { runId } from './support/origin.ts';
import { killOrigin, startStack } from './support/stack-control.ts';

/**
 * The origin crashes (kill -9 of its VM) and comes back: the generator, the
 * worker and the RPC service keep running, say they lost the connection and
 * reconnected, and traffic flows again, the generator continuing its
 * x-warren-seq numbering. Observed on the MIRROR, which stays up: what it
 * receives went through the real shovels after the restart.
 */
const stack = loadStackConfig();

interface Seen {
  /** x-warren-seq of tasks and RPC requests, and x-warren-origin-seq of results and RPC replies, as they arrived. */
  tasks: number[];
  requests: number[];
  results: number[];
  rpcReplies: number[];
}

async function observeOnMirror(run: string, replyQueue: string): Promise<{ seen: Seen; connection: ChannelModel }> {
  const connection = await connect(amqpUrl(stack.mirror, stack.admin));
  connection.on('error', () => undefined);
  const channel = await connection.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, 'celery', run);
  await channel.bindQueue(queue, 'app.events', `${run}.rpc.#`);
  await channel.bindQueue(queue, 'celery.replies', replyQueue);
  const seen: Seen = { tasks: [], requests: [], results: [], rpcReplies: [] };
  await channel.consume(
    queue,
    (msg: ConsumeMessage | null) => {
      if (msg === null) return;
      const headers = msg.properties.headers;
      const seq = readIntHeader(headers, SEQ_HEADER) ?? readIntHeader(headers, ORIGIN_SEQ_HEADER) ?? -1;
      if (msg.fields.exchange === 'celery') seen.tasks.push(seq);
      else if (msg.fields.exchange === 'app.events') seen.requests.push(seq);
      else if (msg.properties.appId === RPC_SERVICE_APP_ID) seen.rpcReplies.push(seq);
      else seen.results.push(seq);
    },
    { noAck: true },
  );
  return { seen, connection };
}

const max = (xs: number[]): number => xs.reduce((a, b) => Math.max(a, b), -1);

test.afterAll(async () => {
  // Later tests need the whole stack, shovels running: a quick no-op when it already is.
  await startStack();
});

test('generator, worker and RPC service ride out a kill -9 of the origin and carry on numbering', async () => {
  test.setTimeout(150_000);
  const run = runId();
  const replyQueue = `warren-client-${run}`;
  const { seen, connection } = await observeOnMirror(run, replyQueue);
  const procs: ScriptRun[] = [];
  try {
    const worker = runGeneratorScript('worker', ['--queue', run, '--hostname', `${run}@e2e`, '--fail-rate', '0', '--quiet']);
    const service = runGeneratorScript('rpc-service', ['--binding', `${run}.rpc.#`, '--delay', '1-5', '--fail-rate', '0', '--quiet']);
    const generator = runGeneratorScript('cli', ['--mix', 'requests', '--rate', '40', '--task-queue', run, '--rpc-key-prefix', `${run}.`, '--reply-queue', replyQueue, '--quiet']);
    procs.push(worker, service, generator);

    await expect.poll(() => seen.results.length > 0 && seen.rpcReplies.length > 0, { timeout: 30_000 }).toBe(true);
    await killOrigin();
    const lost = /origin connection lost: .*; reconnecting in \d+\.\d s/;
    for (const p of procs) await p.waitForLine(lost, 10_000);
    // What the mirror held before the crash; the shovels may still bring a few older ones after it.
    const before = { tasks: max(seen.tasks), requests: max(seen.requests) };

    await startStack();
    for (const p of procs) await p.waitForLine(/origin connection: reconnected/, 30_000);
    await generator.waitForLine(/origin connection \(reply queue\): reconnected/, 30_000);
    for (const p of procs) expect(p.alive(), 'still running after the restart').toBe(true);

    // New work after the restart: seqs beyond the crash, answered by the worker and the service.
    await expect
      .poll(() => ({ results: max(seen.results) > before.tasks, rpcReplies: max(seen.rpcReplies) > before.requests }), { timeout: 30_000 })
      .toEqual({ results: true, rpcReplies: true });
    // The generator numbered on from where it was (a restarted process would have started again at 1).
    const after = [...seen.tasks, ...seen.requests].filter((s) => s > Math.max(before.tasks, before.requests));
    expect(after.length).toBeGreaterThan(0);
    expect(generator.lines.filter((l) => /mix=requests rate=40/.test(l)), 'one start-up line: never restarted').toHaveLength(1);

    for (const p of procs) expect(await p.stop(), 'clean exit on SIGTERM').toBe(0);
    const finalLine = generator.lines.at(-1) ?? '';
    expect(finalLine).toMatch(/reconnects 1 /);
    console.log(`[generator-restart] ${finalLine}`);
  } finally {
    for (const p of procs) await p.stop();
    await connection.close().catch(() => undefined);
  }
  await startStack();
  expect(await stackStatus(stack, () => undefined), 'the stack is healthy again').toBe(true);
});
