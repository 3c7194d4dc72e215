/**
 * A child process holding several viewers (bench/viewers/viewer.ts), so that
 * N viewers' STOMP parsing is spread over a few event loops and the consumer
 * side is not what limits the run. IPC with the parent (viewer-group.ts):
 * it sends {type:'ready'} once every viewer's SUBSCRIBE is confirmed, then
 * {type:'progress', minDistinct} every 250 ms; on {type:'collect'} it answers
 * {type:'stats', viewers}, and on {type:'close'} it closes and exits.
 */
import { Viewer, type ViewerOptions, type ViewerStats } from './viewer.ts';

export type ViewerProcessMessage =
  | { type: 'ready' }
  | { type: 'progress'; minDistinct: number }
  | { type: 'stats'; viewers: ViewerStats[] }
  | { type: 'error'; message: string };

export type ViewerProcessCommand = { type: 'collect' } | { type: 'close' };

const send = (m: ViewerProcessMessage) => process.send?.(m);

async function main(): Promise<void> {
  const list = JSON.parse(process.argv[2] ?? '[]') as ViewerOptions[];
  const viewers = list.map((options) => new Viewer(options));
  process.on('disconnect', () => process.exit(0));
  process.on('message', (command: ViewerProcessCommand) => {
    if (command.type === 'collect') send({ type: 'stats', viewers: viewers.map((v) => v.stats()) });
    else void Promise.all(viewers.map((v) => v.close())).finally(() => process.exit(0));
  });
  try {
    await Promise.all(viewers.map((v) => v.ready));
  } catch (e) {
    send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  send({ type: 'ready' });
  setInterval(() => send({ type: 'progress', minDistinct: Math.min(...viewers.map((v) => v.distinct)) }), 250);
}

void main();
