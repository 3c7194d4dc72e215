import { describe, expect, it } from 'vitest';
import { hasApp, nodesWithApplications, type NodeInfo } from './preflight.ts';

/** A management API whose /api/nodes answers each call with the next of `answers` (the last one repeated). */
function nodesApi(answers: NodeInfo[][]) {
  let calls = 0;
  return {
    calls: () => calls,
    get: <T>(path: string): Promise<T> => {
      expect(path).toBe('/api/nodes');
      const answer = answers[Math.min(calls++, answers.length - 1)];
      return Promise.resolve(answer as T);
    },
  };
}

const shovel = [{ name: 'rabbitmq_shovel' }, { name: 'rabbitmq_shovel_management' }];

describe('preflight: the plugins each node runs', () => {
  it('waits for a just-started node to report its applications instead of calling its plugins missing', async () => {
    const api = nodesApi([[{ name: 'rabbit@a', running: true }], [{ name: 'rabbit@a', running: true }], [{ name: 'rabbit@a', running: true, applications: shovel }]]);
    const nodes = await nodesWithApplications(api, 1000, 1);
    expect(api.calls()).toBe(3);
    expect(hasApp(nodes, 'rabbitmq_shovel')).toBe(true);
  });

  it('does not wait for a cluster member that is down, and judges the running ones', async () => {
    const api = nodesApi([[{ name: 'rabbit@a', running: true, applications: shovel }, { name: 'rabbit@b', running: false }]]);
    const nodes = await nodesWithApplications(api, 1000, 1);
    expect(api.calls()).toBe(1);
    expect(hasApp(nodes, 'rabbitmq_shovel')).toBe(true);
    expect(hasApp(nodes, 'rabbitmq_web_stomp')).toBe(false);
  });

  it('gives up after its wait and reports what the nodes said', async () => {
    const api = nodesApi([[{ name: 'rabbit@a', running: true }]]);
    const nodes = await nodesWithApplications(api, 20, 5);
    expect(api.calls()).toBeGreaterThan(1);
    expect(hasApp(nodes, 'rabbitmq_shovel')).toBe(false);
  });
});
