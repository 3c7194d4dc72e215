import { describe, expect, it } from 'vitest';
import { buildCeleryTask, pyIsoformat, randomTaskSpec, TASK_NAMES } from './celery-task.ts';
import type { CeleryTaskInput } from './celery-task.ts';
import { SEQ_HEADER } from './message.ts';
import { pyRepr, pyTupleRepr } from './python-repr.ts';
import { createRng } from './random.ts';
import { parseJson, wireHeaders } from './test-helpers.ts';

const input: CeleryTaskInput = {
  seq: 17,
  spec: { name: 'proj.tasks.add', queue: 'celery', args: [2, 3], kwargs: {} },
  lineage: { id: 'aaaa-1', rootId: 'root-1', parentId: 'parent-1', groupId: null, groupIndex: null, retries: 0 },
  replyTo: 'warren-client-abc',
  origin: 'gen1@host',
  eta: null,
  expires: null,
  timeLimit: [null, null],
};

describe('Celery protocol v2 task', () => {
  it('routes to the celery exchange with the queue as routing key', () => {
    const msg = buildCeleryTask(input);
    expect(msg.exchange).toBe('celery');
    expect(msg.routingKey).toBe('celery');
    const email = buildCeleryTask({ ...input, spec: { ...input.spec, name: 'proj.email.send_welcome', queue: 'email' } });
    expect(email.routingKey).toBe('email');
  });

  it('has the [args, kwargs, embed] body', () => {
    expect(parseJson(buildCeleryTask(input))).toEqual([[2, 3], {}, { callbacks: null, errbacks: null, chain: null, chord: null }]);
  });

  it('carries the v2 headers and properties', () => {
    const msg = buildCeleryTask(input);
    expect(wireHeaders(msg)).toMatchObject({
      lang: 'py',
      task: 'proj.tasks.add',
      id: 'aaaa-1',
      root_id: 'root-1',
      parent_id: 'parent-1',
      group: null,
      retries: 0,
      eta: null,
      expires: null,
      timelimit: [null, null],
      argsrepr: '(2, 3)',
      kwargsrepr: '{}',
      origin: 'gen1@host',
      [SEQ_HEADER]: 17,
    });
    expect(msg.options).toMatchObject({
      correlationId: 'aaaa-1',
      replyTo: 'warren-client-abc',
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      deliveryMode: 2,
      priority: 0,
    });
  });

  it('types integer headers explicitly so STOMP forwards them', () => {
    const headers = buildCeleryTask(input).options.headers ?? {};
    expect(headers.retries).toEqual({ '!': 'int', value: 0 });
    expect(headers[SEQ_HEADER]).toEqual({ '!': 'long', value: 17 });
  });

  it('builds a task of every catalogue name', () => {
    const rng = createRng(3);
    for (const name of TASK_NAMES) expect(randomTaskSpec(rng, name).name).toBe(name);
  });
});

describe('Python reprs', () => {
  it('matches what Celery writes into argsrepr/kwargsrepr', () => {
    expect(pyTupleRepr([42])).toBe('(42,)');
    expect(pyTupleRepr([])).toBe('()');
    expect(pyTupleRepr(['it\'s', null, true])).toBe("('it\\'s', None, True)");
    expect(pyRepr({ locale: 'en', n: [1, 2] })).toBe("{'locale': 'en', 'n': [1, 2]}");
  });

  it('formats datetimes like datetime.isoformat()', () => {
    expect(pyIsoformat(Date.UTC(2024, 4, 1, 12, 0, 0, 123))).toBe('2024-05-01T12:00:00.123000+00:00');
  });
});
