/**
 * Phase 1, the ceiling: N messages published on the origin as fast as the
 * publisher goes, received through the shovel by a bare stompjs consumer in
 * its own Node process (bench/ceiling-consumer.ts).
 */
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { StackConfig } from '../stack/config.ts';
import { webStompUrl } from '../stack/config.ts';
import type { CeilingConsumerArgs, CeilingMessage } from './ceiling-consumer.ts';
import { benchMessage, runPrefix } from './messages.ts';
import { publishBurst, type PublishResult } from './publish.ts';
import { ratePerSecond, withTimeout } from './stats.ts';
import { sampleCpu, type CpuUsage } from './cpu.ts';
import { sampleBacklog, type BacklogPeaks } from './backlog.ts';
import { managementApi } from '../stack/rabbitmq-node.ts';

export interface CeilingResult {
  prefix: string;
  n: number;
  received: number;
  lost: number;
  duplicates: number;
  /** msg/s from the first to the last message received. */
  rate: number;
  spanMs: number;
  publish: PublishResult;
  /** How long after the publisher finished the last message arrived. */
  tailMs: number;
  backlog: BacklogPeaks;
  /** CPU use per process while publishing and consuming. */
  cpu: CpuUsage;
}

type Done = Extract<CeilingMessage, { type: 'done' }>;

export async function measureCeiling(stack: StackConfig, n: number, log: (line: string) => void): Promise<CeilingResult> {
  const prefix = runPrefix('ceiling');
  const args: CeilingConsumerArgs = {
    url: webStompUrl(stack),
    login: stack.tracer.login,
    passcode: stack.tracer.passcode,
    vhost: stack.vhost,
    destination: `/exchange/app.events/${prefix}.#`,
    expected: n,
    idleMs: 20_000,
  };
  const child = fork(resolve(import.meta.dirname, 'ceiling-consumer.ts'), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: CeilingMessage[] = [];
  let notify: () => void = () => undefined;
  child.on('message', (m: CeilingMessage) => {
    messages.push(m);
    notify();
  });
  child.on('exit', (code) => {
    if (!messages.some((m) => m.type === 'done' || m.type === 'error')) messages.push({ type: 'error', message: `consumer exited with code ${code}` });
    notify();
  });
  const next = <T extends CeilingMessage['type']>(type: T): Promise<Extract<CeilingMessage, { type: T }>> =>
    new Promise((resolveNext, reject) => {
      const check = () => {
        const error = messages.find((m) => m.type === 'error');
        if (error?.type === 'error') return reject(new Error(`ceiling consumer: ${error.message}`));
        const hit = messages.find((m) => m.type === type);
        if (hit) resolveNext(hit as Extract<CeilingMessage, { type: T }>);
      };
      notify = check;
      check();
    });

  try {
    await withTimeout(next('ready'), 30_000, 'ceiling consumer did not subscribe');
    log(`ceiling: consumer subscribed to ${args.destination}; publishing ${n.toLocaleString('en-US')} messages`);
    const stopCpu = sampleCpu(stack);
    const stopBacklog = sampleBacklog(managementApi(stack, stack.mirror), managementApi(stack, stack.origin), `${prefix}.#`);
    const publish = await publishBurst(n, (seq) => benchMessage(prefix, seq));
    log(`ceiling: published at ${Math.round(publish.rate)} msg/s (confirmed ${Math.round(publish.confirmedRate)} msg/s); waiting for the consumer`);
    const done: Done = await withTimeout(next('done'), Math.max(120_000, n * 2), 'ceiling consumer did not finish');
    const cpu = stopCpu();
    const backlog = await stopBacklog();
    const spanMs = done.lastAt - done.firstAt;
    return {
      prefix,
      n,
      received: done.received,
      lost: n - done.distinct,
      duplicates: done.duplicates,
      rate: ratePerSecond(done.received, spanMs),
      spanMs,
      publish,
      tailMs: done.lastAt - publish.endedAt,
      backlog,
      cpu,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
}
