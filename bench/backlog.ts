/**
 * Where messages wait, sampled from the management APIs while a run is under
 * way: the subscription queue on the mirror (a backlog there means the
 * consumer is the bottleneck) and the shovel's source queue on the origin (a
 * backlog there means the shovel is). RabbitMQ refreshes these numbers every
 * few seconds, so this shows the shape, not exact peaks.
 */
import type { ManagementApi } from '../stack/management-api.ts';
import { seg } from '../stack/management-api.ts';

interface Binding {
  destination: string;
  destination_type: string;
  routing_key: string;
}

export interface BacklogPeaks {
  /** Largest `messages` seen on the consumer's subscription queue (mirror). */
  subscriptionQueue: number;
  /** Largest `messages` seen on the shovel's source queue(s) for app.events (origin). */
  shovelQueue: number;
}

async function boundQueues(api: ManagementApi, exchange: string, routingKey: string): Promise<string[]> {
  const bindings = await api.get<Binding[]>(`/api/exchanges/%2F/${seg(exchange)}/bindings/source`);
  return bindings.filter((b) => b.destination_type === 'queue' && b.routing_key === routingKey).map((b) => b.destination);
}

async function messages(api: ManagementApi, queue: string): Promise<number> {
  const q = await api.get<{ messages?: number }>(`/api/queues/%2F/${seg(queue)}?columns=messages`, 3000);
  return q.messages ?? 0;
}

/** Samples once a second until the returned stop() is called; never throws. */
export function sampleBacklog(mirror: ManagementApi, origin: ManagementApi, subscriptionKey: string): () => Promise<BacklogPeaks> {
  const peaks: BacklogPeaks = { subscriptionQueue: 0, shovelQueue: 0 };
  let running = true;
  const loop = (async () => {
    const [subscription, shovel] = await Promise.all([
      boundQueues(mirror, 'app.events', subscriptionKey).catch(() => []),
      boundQueues(origin, 'app.events', '#').catch(() => []),
    ]);
    while (running) {
      for (const q of subscription) peaks.subscriptionQueue = Math.max(peaks.subscriptionQueue, await messages(mirror, q).catch(() => 0));
      for (const q of shovel) peaks.shovelQueue = Math.max(peaks.shovelQueue, await messages(origin, q).catch(() => 0));
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peaks;
  };
}
