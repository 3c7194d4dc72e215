import { describe, expect, it } from 'vitest';
import { parseGeneratorArgs, parseRpcServiceArgs, parseWorkerArgs } from './args.ts';

describe('generator flags', () => {
  it('has production defaults', () => {
    expect(parseGeneratorArgs([])).toEqual({
      rate: 50,
      duration: null,
      count: null,
      seqStart: 1,
      mix: 'default',
      seed: null,
      dropReplyRate: 0,
      taskQueue: null,
      rpcKeyPrefix: '',
      replyQueue: null,
      quiet: false,
      help: false,
    });
  });

  it('parses every flag', () => {
    const o = parseGeneratorArgs(['--rate', '100', '--duration', '10', '--count', '500', '--seq-start', '7', '--mix', 'awkward', '--seed', '3', '--quiet']);
    expect(o).toMatchObject({ rate: 100, duration: 10, count: 500, seqStart: 7, mix: 'awkward', seed: 3, quiet: true });
    const t = parseGeneratorArgs(['--drop-reply-rate', '0.01', '--task-queue', 'tq', '--rpc-key-prefix', 't1.', '--reply-queue', 'rq']);
    expect(t).toMatchObject({ dropReplyRate: 0.01, taskQueue: 'tq', rpcKeyPrefix: 't1.', replyQueue: 'rq' });
  });

  it('rejects nonsense', () => {
    expect(() => parseGeneratorArgs(['--rate', '0'])).toThrow(/--rate/);
    expect(() => parseGeneratorArgs(['--count', '1.5'])).toThrow(/--count/);
    expect(() => parseGeneratorArgs(['--mix', 'chaos'])).toThrow(/--mix/);
    expect(() => parseGeneratorArgs(['--drop-reply-rate', '1.5'])).toThrow(/--drop-reply-rate/);
    expect(() => parseGeneratorArgs(['--task-queue', ''])).toThrow(/--task-queue/);
    expect(() => parseGeneratorArgs(['--bogus'])).toThrow();
  });
});

describe('worker flags', () => {
  it('defaults to a 5% failure rate on celery and email, batched events', () => {
    expect(parseWorkerArgs([])).toMatchObject({ failRate: 0.05, queues: ['celery', 'email'], hostname: null, singleEvents: false });
    expect(() => parseWorkerArgs(['--fail-rate', '2'])).toThrow(/--fail-rate/);
  });

  it('takes its own queues, node name and the one-message-per-event mode', () => {
    expect(parseWorkerArgs(['--queue', 'a', '--queue', 'b', '--hostname', 'w1@t', '--single-events'])).toMatchObject({ queues: ['a', 'b'], hostname: 'w1@t', singleEvents: true });
  });
});

describe('rpc service flags', () => {
  it('defaults to rpc.# on its own queue', () => {
    expect(parseRpcServiceArgs([])).toMatchObject({ bindings: ['rpc.#'], queue: null, failRate: 0.03, delayMs: [2, 40] });
  });

  it('parses bindings and delays', () => {
    expect(parseRpcServiceArgs(['--binding', 't1.rpc.#', '--binding', 'x.*', '--delay', '5', '--fail-rate', '0'])).toMatchObject({ bindings: ['t1.rpc.#', 'x.*'], delayMs: [5, 5], failRate: 0 });
    expect(parseRpcServiceArgs(['--delay', '10-20']).delayMs).toEqual([10, 20]);
    expect(() => parseRpcServiceArgs(['--delay', '20-10'])).toThrow(/--delay/);
    expect(() => parseRpcServiceArgs(['--delay', 'soon'])).toThrow(/--delay/);
  });
});
