import { expect, test } from '../support/test.ts';
import { publishNumbered } from '../support/origin.ts';
import { webStompUrls } from '../../stack/config.ts';
import { SUBSCRIPTION_QUEUE_PATTERN } from '../../stack/provision.ts';
import { Viewer } from '../../bench/viewers/viewer.ts';
import { cluster, mirrorQueueDepths } from './cluster-support.ts';

test('ten viewers at once, spread over the nodes: each receives everything, and their queues stay within the bound', async () => {
  const urls = webStompUrls(cluster);
  const count = 5000;
  const viewers = Array.from(
    { length: 10 },
    (_, i) =>
      new Viewer({
        url: urls[i % urls.length] ?? '',
        login: cluster.tracer.login,
        passcode: cluster.tracer.passcode,
        vhost: cluster.vhost,
        exchange: 'app.events',
        mode: 'queue',
        seqFrom: 1,
        seqTo: count,
      }),
  );
  try {
    await Promise.all(viewers.map((v) => v.ready));
    // The seqs of this test only: nothing else publishes on the cluster stack's origin.
    const publishing = publishNumbered(count, (seq) => ({ exchange: 'app.events', routingKey: `viewers.k${seq % 3}` }));
    let peak = 0;
    const bound = cluster.subscriptionBound.maxLength;
    // The viewers' server-named queues (a page's durable ones, from earlier tests, are named stomp-subscription-warren-…).
    const viewerQueue = { test: (name: string) => new RegExp(SUBSCRIPTION_QUEUE_PATTERN).test(name) && !name.startsWith('stomp-subscription-warren-') };
    await expect
      .poll(
        async () => {
          const queues = (await mirrorQueueDepths()).filter((q) => viewerQueue.test(q.name));
          for (const q of queues) peak = Math.max(peak, q.messages_ready ?? 0);
          return Math.min(...viewers.map((v) => v.distinct));
        },
        { timeout: 90_000, intervals: [1000] },
      )
      .toBe(count);
    await publishing;
    // Every viewer queue is bounded by the mirror's policy, whatever node holds it (the
    // management API shows a new queue's policy once its first statistics are in).
    await expect
      .poll(async () => (await mirrorQueueDepths()).filter((q) => viewerQueue.test(q.name)).map((q) => q.effective_policy_definition?.['max-length'] ?? null), {
        timeout: 30_000,
      })
      .toEqual(viewers.map(() => bound));
    for (const v of viewers) {
      const s = v.stats();
      expect(s.error, s.url).toBeNull();
      expect(s.distinct, s.url).toBe(count);
      expect(s.duplicates, s.url).toBe(0);
    }
    console.log(`[cluster] 10 viewers over ${urls.length} nodes: ${count} each, deepest viewer queue ${peak} (bound ${bound})`);
    expect(peak).toBeLessThanOrEqual(bound);
  } finally {
    await Promise.all(viewers.map((v) => v.close()));
  }
});
