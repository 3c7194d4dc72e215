/** `npm run stack:up | stack:down | stack:status | stack:watch`, each with an optional `--mirror-nodes N`. */
import { loadStackConfig } from './config.ts';
import { withMirrorNodesFlag } from './mirror-cluster-config.ts';
import { stackDown, stackStatus, stackUp } from './stack.ts';
import { stackWatchTarget, watchShovels } from './shovel-watchdog.ts';

const log = (line: string) => console.log(`[stack] ${line}`);
const command = process.argv[2];

try {
  const config = loadStackConfig(withMirrorNodesFlag(process.argv.slice(3), process.env));
  if (command === 'up') await stackUp(config, log);
  else if (command === 'down') await stackDown(config, log);
  else if (command === 'status') process.exitCode = (await stackStatus(config, log)) ? 0 : 1;
  else if (command === 'watch') {
    // Until Ctrl-C or SIGTERM: restarts a shovel that stopped moving (stack/shovel-watchdog.ts).
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    process.once('SIGTERM', () => stop.abort());
    log('watching the shovels (Ctrl-C to stop)');
    await watchShovels(stackWatchTarget(config), log, stop.signal);
  }
  else {
    console.error('usage: tsx stack/cli.ts up|down|status|watch [--mirror-nodes N]  (N mirror nodes in a cluster; default WARREN_MIRROR_NODES or 1)');
    process.exitCode = 2;
  }
} catch (e) {
  console.error(`[stack] ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
