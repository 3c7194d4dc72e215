import { describe, expect, it } from 'vitest';
import { leaderNode, leadersPerNode } from './mirror-cluster-status.ts';

describe("where a mirror cluster's queues lead", () => {
  it('reads the leader of quorum queues and streams, the node of classic ones', () => {
    expect(leaderNode({ name: 'q', type: 'quorum', node: 'a@h', leader: 'b@h', members: ['a@h', 'b@h'] })).toBe('b@h');
    expect(leaderNode({ name: 'c', type: 'classic', node: 'c@h' })).toBe('c@h');
    expect(leaderNode({ name: 'x' })).toBe('?');
  });

  it('counts the queues each node leads, nodes in name order', () => {
    const queues = [
      { name: '1', node: 'm-2@h' },
      { name: '2', leader: 'm@h', node: 'm@h' },
      { name: '3', leader: 'm-2@h', node: 'm@h' },
    ];
    expect(leadersPerNode(queues)).toEqual([['m-2@h', 2], ['m@h', 1]]);
    expect(leadersPerNode([])).toEqual([]);
  });
});
