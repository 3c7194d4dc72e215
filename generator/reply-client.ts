/**
 * The generator's client end for replies: a private reply queue bound to the
 * `celery.replies` exchange with its own name as key. The worker routes Celery
 * RPC results there, and the RPC service its replies (both instead of the
 * default exchange "", which cannot be shovelled), so replies are both
 * received here and traceable on the mirror. Redeclared after a reconnect
 * (an exclusive queue dies with its connection): replies sent meanwhile are
 * unroutable and lost, as they would be for a real client.
 */
import { connect } from 'amqplib';
import { assertAppExchanges, REPLIES_EXCHANGE } from './exchanges.ts';
import { firstFailure, keepConnected } from './reconnect.ts';
import type { Session } from './reconnect.ts';
import { RPC_SERVICE_APP_ID } from './rpc-messages.ts';

export interface ReplyCounts {
  /** Celery task results, and how many reported a failure. */
  replies: number;
  failures: number;
  /** RPC service replies, and how many were errors. */
  rpcReplies: number;
  rpcErrors: number;
  reconnects: number;
}

export interface ReplyClient {
  readonly queue: string;
  stats(): ReplyCounts;
  close(): Promise<void>;
}

/** Celery: {"status": "FAILURE"}; the RPC service: {"ok": false}. */
export function isFailureReply(content: Buffer): boolean {
  try {
    const parsed: unknown = JSON.parse(content.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return false;
    return ('status' in parsed && parsed.status === 'FAILURE') || ('ok' in parsed && parsed.ok === false);
  } catch {
    return false;
  }
}

export async function openReplyClient(url: string, queue: string, log: (line: string) => void): Promise<ReplyClient> {
  const counts = { replies: 0, failures: 0, rpcReplies: 0, rpcErrors: 0 };
  const open = async (): Promise<Session> => {
    const connection = await connect(url, { clientProperties: { connection_name: 'warren-generator-replies' } });
    try {
      const channel = await connection.createChannel();
      const lost = firstFailure([connection, channel], 'reply connection');
      await assertAppExchanges(channel, [REPLIES_EXCHANGE]);
      // Exclusive + auto-delete: the queue dies with this run, like Celery's per-client rpc queue.
      await channel.assertQueue(queue, { exclusive: true, autoDelete: true, durable: false });
      await channel.bindQueue(queue, REPLIES_EXCHANGE, queue);
      await channel.consume(
        queue,
        (msg) => {
          if (msg === null) return;
          const failed = isFailureReply(msg.content);
          if (msg.properties.appId === RPC_SERVICE_APP_ID) {
            counts.rpcReplies++;
            if (failed) counts.rpcErrors++;
          } else {
            counts.replies++;
            if (failed) counts.failures++;
          }
        },
        { noAck: true },
      );
      return { lost, close: () => connection.close().catch(() => undefined) };
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  };
  const keeper = await keepConnected({ label: 'origin connection (reply queue)', log, open });
  return {
    queue,
    stats: () => ({ ...counts, reconnects: keeper.reconnects }),
    close: () => keeper.stop(),
  };
}
