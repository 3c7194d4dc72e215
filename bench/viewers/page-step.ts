/**
 * One real dashboard page as the watcher of a step: the bench build opened
 * with `?sub=/exchange/app.events/#`, the same live SUBSCRIBE as a 'queue'
 * viewer, so the mirror's cost of a page can be set beside a headless one's
 * in the same run. It counts by routing-key prefix and seqs 1..n (the page's
 * seqStats hook), so this step publishes seqs from 1.
 */
import { callHook, openBenchPage, LONG_TASK_RECORDER } from '../page.ts';
import type { BenchEnv } from '../setup.ts';
import type { OpenWatchers } from './step.ts';

export function openPageWatcher(env: BenchEnv, exchange: string): OpenWatchers {
  return async (prefix, seqFrom, seqTo) => {
    if (seqFrom !== 1) throw new Error('a page step counts seqs from 1: run it with seqBase 0');
    const page = await openBenchPage(env, { sub: `/exchange/${exchange}/#` }, LONG_TASK_RECORDER);
    const distinct = async () => (await callHook(page, 'seqStats', `${prefix}.`, seqTo)).distinct;
    return {
      pids: [],
      slowest: distinct,
      collect: async () => {
        const probe = await callHook(page, 'probe');
        const timeOrigin = await page.evaluate<number>('performance.timeOrigin');
        return [{ distinct: await distinct(), lastAt: probe.lastAt < 0 ? -1 : timeOrigin + probe.lastAt, perSecond: {}, error: null }];
      },
      close: () => page.close(),
    };
  };
}
