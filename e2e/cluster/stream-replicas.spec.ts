import { expect, test } from '../support/test.ts';
import { expectAllSeqs } from '../support/page.ts';
import { numbered, runId } from '../support/origin.ts';
import { withPublisher } from '../../generator/publisher.ts';
import { amqpUrl } from '../../stack/config.ts';
import { managementApi } from '../../stack/rabbitmq-node.ts';
import { seg } from '../../stack/management-api.ts';
import { cluster, dashboardPath, queuePlacement } from './cluster-support.ts';

/**
 * RabbitMQ serves a stream reader only from a replica on the node it is
 * connected to. A node without one refuses the read (3.10.8's web-stomp just
 * closes the socket): for the seconds a new stream leader is elected, or
 * while a restarted node restarts its replicas. The page then reads from the
 * next node instead of giving the history up. Here the refusal is made
 * lasting: a stream whose only replica is on node 2.
 */
test('a history stream read refused by a node without its replica goes on at the next node', async ({ page }) => {
  const run = runId();
  const stream = `warren.history.e2e-${run}`;
  const node2 = cluster.mirrors[1]!;
  const api = managementApi(cluster, node2);
  // The tracer may read the history streams by name: this one too, for this test.
  const permissionsPath = `/api/permissions/${seg(cluster.vhost)}/${seg(cluster.tracer.login)}`;
  const permissions = await api.get<{ configure: string; write: string; read: string }>(permissionsPath);
  await api.put(permissionsPath, { ...permissions, read: `^${stream.replace(/[.-]/g, '\\$&')}$|${permissions.read}` });
  // Declared through node 2 with one replica: its leader, and its only member, is node 2.
  await api.put(`/api/queues/${seg(cluster.vhost)}/${seg(stream)}`, { durable: true, arguments: { 'x-queue-type': 'stream', 'x-initial-cluster-size': 1 } });
  try {
    await expect.poll(async () => (await queuePlacement(stream)).members, { timeout: 15_000 }).toEqual([node2.nodename]);
    await page.goto(dashboardPath([0, 1, 2], { sub: `/amq/queue/${stream}` }));
    const item = page.locator('[data-testid="subscription-list"] li');
    await expect(item).toHaveAttribute('data-state', 'active', { timeout: 30_000 });
    // Node 1 refused it; node 2 reads it.
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-broker-index', '1');
    await withPublisher(amqpUrl(node2, { login: 'guest', passcode: 'guest' }), 'warren-e2e-stream', async (publisher) => {
      for (let seq = 1; seq <= 200; seq++) await publisher.publish(numbered(seq, { exchange: '', routingKey: stream }));
      await publisher.waitForConfirms();
    });
    await expectAllSeqs(page, 200, 30_000);
    await expect(item).toHaveAttribute('data-state', 'active');
  } finally {
    await api.delete(`/api/queues/${seg(cluster.vhost)}/${seg(stream)}`);
    await api.put(permissionsPath, permissions);
  }
});
