/**
 * `npx tsx bench/worker-profile.ts [messages]`: where the socket worker's
 * script goes at full rate (not part of `npm run bench`). A page subscribed
 * to a fresh prefix; the bench attaches to its socket worker (CDP
 * auto-attach), samples it with the CPU profiler while the messages are
 * published as fast as the origin takes them, and prints self time by area
 * and by function. The worker reads every frame off the page's main thread
 * (src/connection/socket-worker), so its cost is paid at every rate, and at
 * full rate it competes with the brokers for the machine's cores (the
 * ceiling ratio). The stack must be up; serves on port 8098.
 */
import { benchMessage, runPrefix } from './messages.ts';
import { openBenchPage, poll } from './page.ts';
import { publishBurst } from './publish.ts';
import { setup, teardown } from './setup.ts';
import { sleep } from './stats.ts';
import { summariseProfile, type CpuProfile } from './profile.ts';

const n = Number(process.argv[2] ?? 30_000);
const env = await setup(8098, (line) => console.log(`[worker-profile] ${line}`));
try {
  if (!env.cdp) throw new Error('no browser');
  const cdp = env.cdp;
  const prefix = runPrefix('worker-profile');
  const page = await openBenchPage(env, { sub: `/exchange/app.events/${prefix}.#` });
  await poll(page, `document.querySelector('[data-testid="rate-chart-messages"]') !== null`, 15_000);
  let worker = '';
  cdp.on('Target.attachedToTarget', (params) => {
    if ((params['targetInfo'] as { type: string }).type === 'worker') worker = String(params['sessionId']);
  });
  await page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
  await sleep(1000);
  if (worker === '') throw new Error('the page has no socket worker (?socket=main?)');
  await cdp.send('Profiler.enable', {}, worker);
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 }, worker);
  await cdp.send('Profiler.start', {}, worker);
  const startedAt = Date.now();
  await publishBurst(n, (seq) => benchMessage(prefix, seq));
  await sleep(3000); // the last messages through the shovel
  const profile = (await cdp.send<{ profile: CpuProfile }>('Profiler.stop', {}, worker)).profile;
  console.log(`${n.toLocaleString('en-US')} messages published in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; socket worker, self time:`);
  const summary = summariseProfile(profile, env.outDir, 25);
  for (const a of summary.areas) console.log(`  ${a.ms.toFixed(1).padStart(8)} ms  ${a.area}`);
  for (const f of summary.functions) console.log(`  ${f.ms.toFixed(1).padStart(8)} ms  ${f.name} ${f.where}`);
  await page.close();
} finally {
  await teardown(env);
}
