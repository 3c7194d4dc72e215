/**
 * `npx tsx bench/rest-trace.ts [state] [seconds] [name=value...]`: where the page at rest
 * spends its main thread, from a Chrome trace (not part of `npm run bench`):
 * a page following live traffic at 50 msg/s in one of page-rest.ts's states
 * ("charts open", "charts collapsed", "unattended, charts open", "unattended, charts collapsed",
 * "paused, charts collapsed", "hidden tab"), traced
 * for a few seconds; prints self time by trace event and the busiest entry
 * points. `WARREN_TRACE_RATE=1000` traces another rate than 50 msg/s (the
 * latency row's, for instance). The stack must be up; serves on port 8098.
 */
import { writeFileSync } from 'node:fs';
import { benchMessage, runPrefix } from './messages.ts';
import { LONG_TASK_RECORDER, openBenchPage, poll } from './page.ts';
import { publishPaced } from './publish.ts';
import { setup, teardown } from './setup.ts';
import { sleep } from './stats.ts';
import { startTracing } from './cdp.ts';
import { summariseTrace, TRACE_CATEGORIES } from './trace.ts';
import { summariseProfile, type CpuProfile } from './profile.ts';

const [state = 'charts collapsed', seconds = '8', ...extra] = process.argv.slice(2);
// Further arguments are URL parameters, `socket=main` for instance.
const extraParams = Object.fromEntries(extra.map((p) => p.split('=') as [string, string]));
const env = await setup(8098, (line) => console.log(`[rest-trace] ${line}`));
try {
  if (!env.cdp) throw new Error('no browser');
  const prefix = runPrefix('rest-trace');
  const page = await openBenchPage(env, { ...extraParams, sub: `/exchange/app.events/${prefix}.#` }, LONG_TASK_RECORDER);
  await poll(page, `document.querySelector('[data-testid="rate-chart-messages"]') !== null`, 15_000);
  // "hidden tab": another tab in front of the page, as page-rest.ts does.
  if (state === 'hidden tab') await page.cdp.send('Target.createTarget', { url: 'about:blank', newWindow: false });
  else if (!state.endsWith('charts open')) await page.evaluate(`document.querySelector('[data-testid="rate-chart-toggle"]').click()`);
  // "unattended, …": the window loses focus (headless Chromium keeps pages focused: told by a blur event, as page-rest.ts does).
  if (state.startsWith('unattended')) await page.evaluate(`window.dispatchEvent(new FocusEvent('blur'))`);
  if (state.startsWith('paused')) await page.evaluate(`document.querySelector('[data-testid="pause-button"]').click()`);
  await sleep(1000);
  const stop = await startTracing(env.cdp, TRACE_CATEGORIES);
  await page.send('Profiler.enable');
  await page.send('Profiler.setSamplingInterval', { interval: 250 });
  await page.send('Profiler.start');
  await publishPaced(Number(process.env.WARREN_TRACE_RATE ?? 50), Number(seconds), (seq, sentAt) => benchMessage(prefix, seq, sentAt));
  const profile = (await page.send<{ profile: CpuProfile }>('Profiler.stop')).profile;
  const trace = await stop();
  // WARREN_TRACE_OUT=file.json keeps the raw trace, for DevTools' Performance panel.
  if (process.env.WARREN_TRACE_OUT) writeFileSync(process.env.WARREN_TRACE_OUT, trace);
  // WARREN_PROFILE_OUT=file.cpuprofile keeps the sampled CPU profile (DevTools opens it too).
  if (process.env.WARREN_PROFILE_OUT) writeFileSync(process.env.WARREN_PROFILE_OUT, JSON.stringify(profile));
  const summary = summariseTrace(trace, env.outDir, 20);
  console.log(`${state}: window ${summary.windowMs.toFixed(0)} ms, busy ${summary.busyMs.toFixed(0)} ms (${((summary.busyMs / summary.windowMs) * 100).toFixed(1)} %)`);
  for (const e of summary.events) console.log(`  ${e.ms.toFixed(1).padStart(8)} ms ${e.percent.toFixed(1).padStart(5)} %  ${String(e.count).padStart(6)}×  ${e.name}`);
  console.log(`long tasks: ${summary.longTasks.count}, ${summary.longTasks.ms.toFixed(0)} ms in all, of which the main thread ran ${summary.longTasks.threadMs.toFixed(0)} ms`);
  console.log('entry points:');
  for (const e of summary.entryPoints.slice(0, 12)) console.log(`  ${e.ms.toFixed(1).padStart(8)} ms ${String(e.count).padStart(6)}×  ${e.name} ${e.where}`);
  console.log('self time by function (sampled):');
  const profiled = summariseProfile(profile, env.outDir, 25);
  for (const a of profiled.areas) console.log(`  ${a.ms.toFixed(1).padStart(8)} ms  ${a.area}`);
  for (const f of profiled.functions) console.log(`  ${f.ms.toFixed(1).padStart(8)} ms  ${f.name} ${f.where}`);
  await page.close();
} finally {
  await teardown(env);
}
