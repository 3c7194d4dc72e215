import { expect, test } from '../support/test.ts';
import { allWarrenSeqs, counter } from '../support/page.ts';
import { publishPaced, runId } from '../support/origin.ts';
import { killMirrorNode, startStack } from '../support/stack-control.ts';
import { historyQueueName } from '../../stack/provision.ts';
import { restartShovel } from '../../stack/shovel-watchdog.ts';
import { managementApi } from '../../stack/rabbitmq-node.ts';
import { leaderNode } from '../../stack/mirror-cluster-status.ts';
import { cluster, dashboardPath, nodeIndex, queuePlacement } from './cluster-support.ts';

/**
 * Opt-in (WARREN_STALL_REPRO=1): the open failure of issue 15, for whoever
 * takes it on. On a freshly formed cluster (`rm -rf .stack-cluster`, then
 * `stack:up`), node 1 leads the stream coordinator and every history
 * stream. This moves the app.events shovel onto node 1 too, kills node 1
 * under 200 msg/s and logs delivery each second. About one run in eight
 * here, live delivery then stops for minutes (the CI run: ~2 min) although
 * the shovel reconnected to a live node within 20 ms: it reconnects while
 * the stream coordinator is still electing ("leader call - leader not
 * known" in the node's log), and its channel's stream client never learns
 * the new writer, so confirms, and with them the shovel, stop.
 */
test.skip(process.env.WARREN_STALL_REPRO !== '1', 'opt-in: WARREN_STALL_REPRO=1');
test.afterEach(async () => {
  await startStack();
});

/** The mirror node and connection name of a shovel's destination connection. */
async function shovelConnection(shovel: string): Promise<{ node: number; name: string } | null> {
  for (const n of cluster.mirrors) {
    const all = await managementApi(cluster, n)
      .get<{ name: string; node: string; client_properties?: { connection_name?: string } }[]>('/api/connections?columns=name,node,client_properties', 5000)
      .catch(() => null);
    if (all === null) continue;
    const c = all.find((x) => x.client_properties?.connection_name === `Shovel ${shovel}`);
    return c ? { node: nodeIndex(c.node), name: c.name } : null;
  }
  return null;
}

test('kill -9 of the node holding the stream leaders, the shovel and the page: live delivery goes on', async ({ page }) => {
  test.setTimeout(400_000);
  const leader = nodeIndex(leaderNode(await queuePlacement(historyQueueName('app.events'))));
  // WARREN_STALL_NATURAL=1: only where provisioning put the shovel (as in CI), never moved.
  if (process.env.WARREN_STALL_NATURAL === '1') test.skip((await shovelConnection('warren-app.events'))?.node !== leader, 'the shovel is not on the leaders node');
  // A closed connection makes the shovel reconnect to a node picked at random: until it is the leader's.
  for (let i = 0; i < 30; i++) {
    const c = await shovelConnection('warren-app.events');
    if (c?.node === leader) break;
    if (c) await managementApi(cluster, cluster.mirrors[c.node]!).delete(`/api/connections/${encodeURIComponent(c.name)}`);
    await page.waitForTimeout(2500);
  }
  expect((await shovelConnection('warren-app.events'))?.node, 'the shovel on the leaders node').toBe(leader);
  const run = runId();
  const others = cluster.mirrors.map((_, i) => i).filter((i) => i !== leader);
  await page.goto(dashboardPath([leader, ...others], { sub: `/exchange/app.events/${run}.#` }));
  await expect(page.locator('[data-testid="subscription-list"] li')).toHaveAttribute('data-state', 'active');
  const publishing = publishPaced(`${run}.stall`, 2400, 200);
  await page.waitForTimeout(3000);
  await killMirrorNode(leader);
  const killedAt = Date.now();
  let last = -1;
  let since = killedAt;
  let restarted = false;
  while (last < 2400 && Date.now() - killedAt < 300_000) {
    const received = await counter(page, 'received');
    if (received !== last) [last, since] = [received, Date.now()];
    // WARREN_STALL_RESTART=1: does restarting the stalled shovel (management API) get delivery going again?
    if (process.env.WARREN_STALL_RESTART === '1' && !restarted && Date.now() - since > 15_000) {
      restarted = true;
      await restartShovel(managementApi(cluster, cluster.origin), cluster.vhost, 'warren-app.events');
      console.log(`[stall-repro] t+${Math.round((Date.now() - killedAt) / 1000)} s: shovel warren-app.events restarted`);
    }
    console.log(`[stall-repro] t+${Math.round((Date.now() - killedAt) / 1000)} s: ${received} received${Date.now() - since > 5000 ? ` (no progress for ${Math.round((Date.now() - since) / 1000)} s)` : ''}`);
    await page.waitForTimeout(1000);
  }
  await publishing;
  expect(new Set(await allWarrenSeqs(page)).size).toBe(2400);
});
