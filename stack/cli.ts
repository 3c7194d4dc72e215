/** `npm run stack:up | stack:down | stack:status`. */
import { loadStackConfig } from './config.ts';
import { stackDown, stackStatus, stackUp } from './stack.ts';

const log = (line: string) => console.log(`[stack] ${line}`);
const command = process.argv[2];
const config = loadStackConfig();

try {
  if (command === 'up') await stackUp(config, log);
  else if (command === 'down') await stackDown(config, log);
  else if (command === 'status') process.exitCode = (await stackStatus(config, log)) ? 0 : 1;
  else {
    console.error('usage: tsx stack/cli.ts up|down|status');
    process.exitCode = 2;
  }
} catch (e) {
  console.error(`[stack] ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
