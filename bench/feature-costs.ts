/**
 * Phase "features": what watches and field charts add to the ingest path,
 * each measured by its own script as a ratio of two whole sessions side by
 * side in one process (bench/ingest-watches.ts, bench/ingest-fields.ts:
 * their comments say how). Run as child processes so each starts with a
 * clean heap, before the browser starts (Node only, no broker), and their
 * result lines become report rows as printed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Row } from './report.ts';

const run = promisify(execFile);

export interface FeatureCostsResult {
  /** The scripts' result lines, in order: "<what>: ... ratio R" or "... N ns/msg". */
  lines: { script: string; line: string }[];
}

const SCRIPTS: { script: string; args: (quick: boolean) => string[] }[] = [
  { script: 'bench/ingest-watches.ts', args: (quick) => ['--messages', quick ? '10000' : '20000', '--rounds', quick ? '7' : '21'] },
  { script: 'bench/ingest-fields.ts', args: (quick) => ['--messages', quick ? '10000' : '20000', '--rounds', quick ? '7' : '21'] },
];

/** A result line: a ratio of sessions, or a per-message cost. */
const RESULT_LINE = /ratio \d|ns\/msg/;

export async function measureFeatureCosts(quick: boolean, log: (line: string) => void): Promise<FeatureCostsResult> {
  const lines: FeatureCostsResult['lines'] = [];
  for (const { script, args } of SCRIPTS) {
    log(`features: ${script} ${args(quick).join(' ')}`);
    const { stdout } = await run('npx', ['tsx', script, ...args(quick)], { maxBuffer: 16 * 1024 * 1024, timeout: 15 * 60_000 });
    for (const line of stdout.split('\n')) if (RESULT_LINE.test(line)) lines.push({ script, line: line.trim() });
  }
  return { lines };
}

export function featureCostRows(result: FeatureCostsResult): Row[] {
  return result.lines.map(({ script, line }) => {
    const at = line.indexOf(': ');
    const what = at < 0 ? line : line.slice(0, at);
    const value = at < 0 ? '' : line.slice(at + 2);
    return { metric: `${script.includes('watches') ? 'watches' : 'field charts'}: ${what}`, value, target: what.includes('control') ? '≈ 1 (noise floor)' : '—', verdict: '—' };
  });
}
