/** `npm run stack:up | stack:down | stack:status`, each with an optional `--mirror-nodes N`. */
import { loadStackConfig } from './config.ts';
import { withMirrorNodesFlag } from './mirror-cluster-config.ts';
import { stackDown, stackStatus, stackUp } from './stack.ts';

const log = (line: string) => console.log(`[stack] ${line}`);
const command = process.argv[2];

try {
  const config = loadStackConfig(withMirrorNodesFlag(process.argv.slice(3), process.env));
  if (command === 'up') await stackUp(config, log);
  else if (command === 'down') await stackDown(config, log);
  else if (command === 'status') process.exitCode = (await stackStatus(config, log)) ? 0 : 1;
  else {
    console.error('usage: tsx stack/cli.ts up|down|status [--mirror-nodes N]  (N mirror nodes in a cluster; default WARREN_MIRROR_NODES or 1)');
    process.exitCode = 2;
  }
} catch (e) {
  console.error(`[stack] ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
