import { loadStackConfig } from '../stack/config.ts';
import { stackUp } from '../stack/stack.ts';

/** The e2e tests run against the real brokers: start them, or reuse running ones. */
export default async function globalSetup(): Promise<void> {
  await stackUp(loadStackConfig(), (line) => console.log(`[stack] ${line}`));
}
