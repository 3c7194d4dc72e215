import { expect, test } from './support/test.ts';
import { loadStackConfig } from '../stack/config.ts';
import { isLoopbackAddress, listenAddresses } from '../stack/epmd.ts';

/**
 * What listens, and where, read from the kernel's socket table (no traffic is
 * sent anywhere): by default the dashboard and every broker port are bound to
 * loopback only (stack/epmd.ts reads it the same way).
 */
test('the dashboard server binds 127.0.0.1 by default', async ({ baseURL }) => {
  const port = Number(new URL(baseURL ?? 'http://127.0.0.1:8080').port);
  const bound = listenAddresses(port);
  expect(bound.length).toBeGreaterThan(0);
  for (const address of bound) expect(isLoopbackAddress(address), `listener ${address}`).toBe(true);
});

test('every port of both brokers is bound to loopback only', async () => {
  const config = loadStackConfig();
  const ports = [config.origin, config.mirror].flatMap((n) => [n.amqpPort, n.managementPort, n.distPort, n.webStompPort]);
  for (const p of ports) {
    if (p === null) continue;
    const bound = listenAddresses(p.port);
    expect(bound.length, `something listens on ${p.port} (${p.envVar})`).toBeGreaterThan(0);
    for (const address of bound) expect(isLoopbackAddress(address), `port ${p.port} (${p.envVar}) listens on ${address}`).toBe(true);
  }
  // epmd (the Erlang port mapper) lists the nodes and their ports: loopback too (stack/epmd.ts).
  const epmd = listenAddresses(4369);
  expect(epmd.length, 'epmd listens on 4369').toBeGreaterThan(0);
  for (const address of epmd) expect(isLoopbackAddress(address), `epmd listens on ${address}`).toBe(true);
  // web_stomp pulls in the STOMP TCP plugin; its listener must be off.
  expect(listenAddresses(61613)).toEqual([]);
});
