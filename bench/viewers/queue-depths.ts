/**
 * Queue depths while viewers watch: every `stomp-subscription-*` queue on the
 * mirror (one per 'queue' viewer; a stream has no per-reader queue) and the
 * shovel's source queue for app.events on the origin (a backlog there means
 * the mirror does not take the traffic in). The management API refreshes
 * these counts every few seconds: peaks show the shape, not exact maxima.
 */
import type { ManagementApi } from '../../stack/management-api.ts';
import { shovelQueueName, SUBSCRIPTION_QUEUE_PATTERN } from '../../stack/provision.ts';

export interface QueuePeaks {
  /** The largest depth of any one viewer queue. */
  peakViewerQueue: number;
  /** The largest sum over the viewer queues. */
  peakViewerQueuesTotal: number;
  peakShovelQueue: number;
}

interface QueueRow {
  name: string;
  messages?: number;
}

/** Samples every second until stop(); never throws. */
export function sampleViewerQueues(mirror: ManagementApi, origin: ManagementApi, exchange = 'app.events'): () => Promise<QueuePeaks> {
  const peaks: QueuePeaks = { peakViewerQueue: 0, peakViewerQueuesTotal: 0, peakShovelQueue: 0 };
  const viewerQueue = new RegExp(SUBSCRIPTION_QUEUE_PATTERN);
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await mirror.get<QueueRow[]>('/api/queues?columns=name,messages', 3000).catch((): QueueRow[] => []);
      const depths = rows.filter((q) => viewerQueue.test(q.name)).map((q) => q.messages ?? 0);
      peaks.peakViewerQueue = Math.max(peaks.peakViewerQueue, ...depths);
      peaks.peakViewerQueuesTotal = Math.max(peaks.peakViewerQueuesTotal, depths.reduce((s, d) => s + d, 0));
      const shovel = await origin.get<QueueRow>(`/api/queues/%2F/${encodeURIComponent(shovelQueueName(exchange))}?columns=name,messages`, 3000).catch(() => null);
      peaks.peakShovelQueue = Math.max(peaks.peakShovelQueue, shovel?.messages ?? 0);
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peaks;
  };
}
