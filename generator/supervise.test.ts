import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackoff } from './reconnect.ts';
import { supervise } from './supervise.ts';

/** A script that prints its arguments, then crashes on its first two runs and exits cleanly on the third. */
function flakyScript(): { dir: string; script: string } {
  const dir = mkdtempSync(join(tmpdir(), 'warren-supervise-'));
  const script = join(dir, 'flaky.cjs');
  writeFileSync(
    script,
    `const fs = require('fs'); const f = ${JSON.stringify(join(dir, 'runs'))};
     const runs = fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8')) + 1 : 1; fs.writeFileSync(f, String(runs));
     console.log('run ' + runs + ' args ' + process.argv.slice(2).join(' '));
     process.exit(runs < 3 ? 1 : 0);`,
  );
  return { dir, script };
}

describe('supervise', () => {
  it('restarts a crashed child with backoff, asks for its arguments again, and leaves a clean exit alone', async () => {
    const { dir, script } = flakyScript();
    const lines: string[] = [];
    const said: string[] = [];
    let n = 0;
    const sup = supervise({
      name: 'flaky',
      command: process.execPath,
      args: () => [script, `--seq-start`, String(++n * 100)],
      cwd: dir,
      onLine: (l) => lines.push(l),
      say: (l) => said.push(l),
      backoff: createBackoff(20, 40),
    });
    for (let i = 0; i < 200 && !said.includes('flaky finished'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(lines).toEqual(['run 1 args --seq-start 100', 'run 2 args --seq-start 200', 'run 3 args --seq-start 300']);
    expect(said).toEqual(['flaky exited (code 1); restarting it in 0.0 s', 'flaky exited (code 1); restarting it in 0.0 s', 'flaky finished']);
    expect(sup.starts).toBe(3);
    await sup.stop();
  });
});
