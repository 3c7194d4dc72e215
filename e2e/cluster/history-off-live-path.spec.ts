import { expect, test } from '@playwright/test';
import { allWarrenSeqs, collectRowAttribute } from '../support/page.ts';
import { publishPaced, runId } from '../support/origin.ts';
import { killMirrorNode, startStack } from '../support/stack-control.ts';
import { historyQueueName } from '../../stack/provision.ts';
import { rabbitmqctl } from '../../stack/rabbitmq-node.ts';
import { leaderNode } from '../../stack/mirror-cluster-status.ts';
import { cluster, dashboardPath, nodeIndex, queuePlacement } from './cluster-support.ts';

/**
 * On a cluster, a history stream is fed by the mirror's own shovel from a
 * quorum queue, not bound to the traced exchange: a stream that cannot take
 * messages holds up that shovel only. Here the stream is made to lose its
 * only replica (the other two are deleted, then its node killed), which with
 * the stream on the live path held every shovelled message back on the origin
 * until the node returned (README, Cluster mode). `stack:up` in afterEach
 * brings the node back and puts the replicas back.
 */
test.afterEach(async () => {
  await startStack();
});

test('a history stream with no replica left holds up neither the shovel nor the live queues, and catches up afterwards', async ({ page }) => {
  test.setTimeout(240_000);
  const stream = historyQueueName('app.events');
  const leader = nodeIndex(leaderNode(await queuePlacement(stream)));
  for (const [i, node] of cluster.mirrors.entries()) {
    if (i !== leader) await rabbitmqctl(cluster, cluster.mirrors[leader]!, ['delete_replica', '--vhost', cluster.vhost, stream, node.nodename], 60_000, 'rabbitmq-streams');
  }
  await expect.poll(async () => (await queuePlacement(stream)).members, { timeout: 20_000 }).toEqual([cluster.mirrors[leader]!.nodename]);

  const run = runId();
  const others = cluster.mirrors.map((_, i) => i).filter((i) => i !== leader);
  await page.goto(dashboardPath(others, { sub: `/exchange/app.events/${run}.#` }));
  await expect(page.locator('[data-testid="subscription-list"] li')).toHaveAttribute('data-state', 'active');
  const publishing = publishPaced(`${run}.live`, 1600, 200);
  await page.waitForTimeout(2000);
  // The stream's only replica goes: it cannot take a message until that node is back.
  await killMirrorNode(leader);
  await publishing;
  await expect.poll(async () => new Set(await allWarrenSeqs(page)).size, { timeout: 60_000, message: 'live messages while the stream is down' }).toBe(1600);
  const live = (await allWarrenSeqs(page)).sort((a, b) => a - b);
  expect([...new Set(live)]).toEqual(Array.from({ length: 1600 }, (_, i) => i + 1));

  // The node back: what waited in the feed queue reaches the stream, so a rewind has all of it.
  await startStack();
  // Every node listed: the replicas stack:up just put back may still be starting (the page then reads from the next node).
  await page.goto(dashboardPath([...others, leader], { sub: `/exchange/app.events/${run}.#`, rewind: 'all' }));
  await expect.poll(async () => Number(await page.getByTestId('visible-count').getAttribute('data-value')), { timeout: 90_000 }).toBeGreaterThanOrEqual(1600);
  const history = (await collectRowAttribute(page, 'data-warren-seq')).map(Number);
  expect(new Set(history).size).toBe(1600);
  // Read from a stream fed through an exchange of its own name, the rows still name the traced exchange.
  const exchanges = new Set(await page.locator('[data-testid="message-row"] .cell-exchange').allTextContents());
  expect([...exchanges]).toEqual(['app.events']);
  console.log(`[cluster] stream down: 1600 of 1600 live; after it came back a rewind read ${history.length} rows (${history.length - 1600} copies)`);
});
