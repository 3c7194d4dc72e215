/**
 * Mirror lag, sampled: the newest message of each history stream (read from
 * `x-stream-offset: last` over AMQP as the mirror's admin, which takes
 * nothing from anyone) carries the shovel's `x-shovelled-timestamp`. We
 * report how long ago that was and, when the publisher set the AMQP
 * `timestamp` property, the delay from publish to shovel. Both have second
 * resolution. Without streams, or when the mirror's AMQP port cannot be
 * reached from here, the lag is "unknown" with the reason.
 */
import { connect, type ConsumeMessage } from 'amqplib';
import type { MirrorOptions } from './args.ts';

const seconds = (s: number) => (s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`);

function describe(m: ConsumeMessage | null, nowS: number): string {
  if (!m) return 'no message yet';
  const shovelled = m.properties.headers?.['x-shovelled-timestamp'] as unknown;
  if (typeof shovelled !== 'number') return 'unknown (the newest message carries no x-shovelled-timestamp)';
  const published = m.properties.timestamp as unknown;
  const delay = typeof published === 'number' ? `; published -> shovelled ${seconds(Math.max(0, shovelled - published))}` : '';
  return `newest message shovelled ${seconds(Math.max(0, nowS - shovelled))} ago${delay}`;
}

/** The last message of a stream: read from its last chunk until 300 ms pass without one (1.5 s when none comes, 5 s at most). */
async function newest(channel: import('amqplib').Channel, stream: string): Promise<ConsumeMessage | null> {
  const seen: { last: ConsumeMessage | null; at: number } = { last: null, at: 0 };
  const { consumerTag } = await channel.consume(
    stream,
    (m) => {
      if (!m) return;
      seen.last = m;
      seen.at = Date.now();
      channel.ack(m);
    },
    { arguments: { 'x-stream-offset': 'last' } },
  );
  const start = Date.now();
  while (Date.now() - start < 5000) {
    await new Promise((r) => setTimeout(r, 100));
    if (seen.last ? Date.now() - seen.at > 300 : Date.now() - start > 1500) break;
  }
  await channel.cancel(consumerTag).catch(() => undefined);
  return seen.last;
}

export async function sampleLag(opts: MirrorOptions, streams: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const { login, passcode } = opts.mirror.credentials;
  const vhost = opts.mirror.vhost === '/' ? '' : `/${encodeURIComponent(opts.mirror.vhost)}`;
  const host = opts.mirrorAmqp.host.includes(':') ? `[${opts.mirrorAmqp.host}]` : opts.mirrorAmqp.host;
  let connection;
  try {
    connection = await connect(`amqp://${encodeURIComponent(login)}:${encodeURIComponent(passcode)}@${host}:${opts.mirrorAmqp.port}${vhost}`, { timeout: 5000 });
  } catch (e) {
    const reason = `unknown (no AMQP connection to the mirror at ${opts.mirrorAmqp.host}:${opts.mirrorAmqp.port}: ${e instanceof Error ? e.message : String(e)})`;
    for (const s of streams) out.set(s, reason);
    return out;
  }
  connection.on('error', () => undefined);
  try {
    for (const s of streams) {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      try {
        await channel.prefetch(100);
        out.set(s, describe(await newest(channel, s), Math.floor(Date.now() / 1000)));
      } catch (e) {
        out.set(s, `unknown (${e instanceof Error ? e.message : String(e)})`);
      } finally {
        await channel.close().catch(() => undefined);
      }
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
  return out;
}
