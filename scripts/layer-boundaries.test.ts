/**
 * The layer boundaries in eslint.config.js, checked on probe files: each
 * crossing the README's layout forbids is reported, and an allowed import
 * is not. (npm run lint then holds the real tree to them.)
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '..') });

async function restricted(file: string, importLine: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = x;\n`, { filePath: resolve(import.meta.dirname, '..', file) });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

const CROSSINGS: [string, string][] = [
  ['src/features/table/probe.ts', "import { x } from '../../app/start-dashboard.tsx';"],
  ['src/capture/probe.ts', "import { x } from 'react';"],
  ['src/capture/probe.ts', "import { x } from '../store/index.ts';"],
  ['src/capture/probe.ts', "import { x } from 'zustand/vanilla';"],
  ['src/view/probe.ts', "import { x } from '../store/index.ts';"],
  ['src/connection/probe.ts', "import { x } from '../capture/index.ts';"],
  ['src/store/probe.ts', "import { x } from '../view/index.ts';"],
  ['src/session/probe.ts', "import { x } from 'react';"],
  ['src/session/probe.ts', "import { x } from '../ui/index.ts';"],
  ['src/ui/probe.ts', "import { x } from '../features/table/index.ts';"],
  ['src/app/probe.ts', "import { x } from '../../bench/page/bench-hook.ts';"],
  ['src/model/probe.ts', "import { x } from '../../bench/hook-api.ts';"],
];

const ALLOWED: [string, string][] = [
  ['src/features/table/probe.ts', "import { x } from '../../ui/index.ts';"],
  ['src/view/probe.ts', "import { x } from '../capture/index.ts';"],
  ['src/store/probe.ts', "import { x } from 'zustand/vanilla';"],
  ['src/session/probe.ts', "import { x } from '../view/index.ts';"],
  ['bench/page/probe.ts', "import { x } from '../../src/session/index.ts';"],
];

describe('layer boundaries (eslint no-restricted-imports)', () => {
  it.each(CROSSINGS)('%s may not: %s', async (file, line) => {
    expect(await restricted(file, line)).toBe(true);
  });
  it.each(ALLOWED)('%s may: %s', async (file, line) => {
    expect(await restricted(file, line)).toBe(false);
  });
});
