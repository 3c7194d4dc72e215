import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { loadStackConfig } from '../stack/config.ts';

/**
 * What listens, and where, read from the kernel's socket table (no traffic is
 * sent anywhere): by default the dashboard and every broker port are bound to
 * loopback only.
 */
function listeners(port: number): string[] {
  const out = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/)[3] ?? '');
}

const isLoopback = (address: string) => /^(127\.\d+\.\d+\.\d+|\[::1\]|\[::ffff:127\.\d+\.\d+\.\d+\]):\d+$/.test(address);

test('the dashboard server binds 127.0.0.1 by default', async ({ baseURL }) => {
  const port = Number(new URL(baseURL ?? 'http://127.0.0.1:8080').port);
  const bound = listeners(port);
  expect(bound.length).toBeGreaterThan(0);
  for (const address of bound) expect(isLoopback(address), `listener ${address}`).toBe(true);
});

test('every port of both brokers is bound to loopback only', async () => {
  const config = loadStackConfig();
  const ports = [config.origin, config.mirror].flatMap((n) => [n.amqpPort, n.managementPort, n.distPort, n.webStompPort]);
  for (const p of ports) {
    if (p === null) continue;
    const bound = listeners(p.port);
    expect(bound.length, `something listens on ${p.port} (${p.envVar})`).toBeGreaterThan(0);
    for (const address of bound) expect(isLoopback(address), `port ${p.port} (${p.envVar}) listens on ${address}`).toBe(true);
  }
  // epmd (the Erlang port mapper) lists the nodes and their ports: loopback too (stack/epmd.ts).
  const epmd = listeners(4369);
  expect(epmd.length, 'epmd listens on 4369').toBeGreaterThan(0);
  for (const address of epmd) expect(isLoopback(address), `epmd listens on ${address}`).toBe(true);
  // web_stomp pulls in the STOMP TCP plugin; its listener must be off.
  expect(listeners(61613)).toEqual([]);
});
