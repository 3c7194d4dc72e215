#!/usr/bin/env node
// `npx warren …` / `npm run warren -- …`: runs cli/warren.ts through tsx (a
// dev dependency of the clone), so the CLI is the same TypeScript the stack uses.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./warren.ts', import.meta.url));
const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
