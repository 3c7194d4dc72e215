/**
 * `npm run serve`: build and serve the dashboard for the local stack, without
 * the generator. The e2e tests start this; it expects the stack to be up.
 */
import { loadStackConfig } from '../stack/config.ts';
import { buildDashboard, serveDashboard, serveOptionsFromEnv, writeRuntimeConfig } from './dashboard.ts';

const options = serveOptionsFromEnv();
await buildDashboard();
writeRuntimeConfig(loadStackConfig());
await serveDashboard(options);
console.log(`[serve] dashboard on http://${options.host}:${options.port}`);
