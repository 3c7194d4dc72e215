/**
 * `npm run soak`: a long steady load through the real stack into the real
 * page, sampling the page's JS heap (after a forced GC) once a minute. With
 * the buffer full, memory must stay flat: the ring evicts as fast as it
 * fills. Defaults: 30 minutes at 1,000 msg/s with capacity 200,000.
 * `npm test` runs a 2-minute version with a smaller buffer (`--minutes 2
 * --capacity 20000 --check`), which exits non-zero on growth or loss.
 *
 * Flags: --minutes N  --rate N  --capacity N  --sample-seconds N  --check
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { buildDomainEvent } from '../generator/domain-events.ts';
import { originUrl } from '../generator/origin-url.ts';
import { openPublisher } from '../generator/publisher.ts';
import { createRng } from '../generator/random.ts';
import { runGenerator } from '../generator/run.ts';
import { loadStackConfig } from '../stack/config.ts';
import { stackUp } from '../stack/stack.ts';
import { buildDashboard, serveDashboard, writeRuntimeConfig } from './dashboard.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '1000' },
    capacity: { type: 'string', default: '200000' },
    'sample-seconds': { type: 'string', default: '60' },
    port: { type: 'string', default: '8098' },
    check: { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const capacity = Number(values.capacity);
const sampleMs = Number(values['sample-seconds']) * 1000;
const port = Number(values.port);
/**
 * Heap once settled may grow by at most this fraction (GC noise, interned
 * strings, the rate model's five-minute ring still filling). One sample after
 * a forced GC swings by about ±10 % here (16.2-19.1 MB within one 2-minute
 * run of a 20,000-message buffer), so the check compares the mean of the
 * later half of the settled samples with the mean of the earlier half, not
 * two single samples: a leak grows both ways, the swing averages out.
 */
const MAX_GROWTH = 0.15;

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
/**
 * The sample taken as the buffer first fills is not steady state: the ring's
 * last slots, the body slab's final chunk and the rate charts' per-second
 * series are still being allocated. The baseline is the first sample taken
 * at least this long after eviction began.
 */
const SETTLE_MS = Math.max(sampleMs, 20_000);

interface Sample {
  elapsedS: number;
  heapMB: number;
  received: number;
  retained: number;
  dropped: number;
}

const log = (line: string) => console.log(`[soak] ${line}`);
const stack = loadStackConfig();
await stackUp(stack, (l) => console.log(`[stack] ${l}`));
await buildDashboard();
writeRuntimeConfig(stack);
const server = await serveDashboard({ host: '127.0.0.1', port });
const browser = await chromium.launch({
  executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const run = `soak${Date.now().toString(36)}`;
let exitCode = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`http://127.0.0.1:${port}/?capacity=${capacity}&sub=${encodeURIComponent(`/exchange/app.events/${run}.#`)}`);
  await page.locator('[data-testid="subscription-list"] li[data-state="active"]').waitFor({ timeout: 30_000 });

  const counter = async (name: string) => Number(await page.getByTestId(`${name}-count`).getAttribute('data-value'));
  const sample = async (startedAt: number): Promise<Sample> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const s = {
      elapsedS: Math.round((Date.now() - startedAt) / 1000),
      heapMB: Math.round((usedSize / 1024 / 1024) * 10) / 10,
      received: await counter('received'),
      retained: (await counter('received')) - (await counter('dropped')),
      dropped: await counter('dropped'),
    };
    log(`${s.elapsedS}s heap ${s.heapMB} MB, received ${s.received}, retained ${s.retained}, dropped ${s.dropped}`);
    return s;
  };

  const rng = createRng(42);
  const publisher = await openPublisher(originUrl(), { connectionName: 'warren-soak' });
  const controller = new AbortController();
  const startedAt = Date.now();
  const samples: Sample[] = [await sample(startedAt)];
  const sampler = setInterval(() => void sample(startedAt).then((s) => samples.push(s)), sampleMs);
  log(`${minutes} min at ${rate} msg/s, capacity ${capacity}, keys ${run}.*`);
  const result = await runGenerator({
    rate,
    durationMs: minutes * 60_000,
    count: null,
    seqStart: 1,
    publisher,
    signal: controller.signal,
    mix: {
      counts: { celery: 0, events: 0, awkward: 0 },
      next: (seq, now) => {
        const m = buildDomainEvent(seq, rng, { now });
        return { ...m, routingKey: `${run}.${m.routingKey}` };
      },
    },
  });
  clearInterval(sampler);
  await publisher.close();
  // Let the tail drain into the page before the final count.
  for (let i = 0; i < 60 && (await counter('received')) < result.sent; i++) await page.waitForTimeout(500);
  const final = await sample(startedAt);
  samples.push(final);

  // The first sample taken after eviction began: the buffer was full.
  const full = samples.find((s) => s.dropped > 0);
  const settled = full && samples.find((s) => s !== final && s.elapsedS * 1000 >= full.elapsedS * 1000 + SETTLE_MS);
  const steady = settled ? samples.slice(samples.indexOf(settled)).map((s) => s.heapMB) : [];
  const half = Math.floor(steady.length / 2);
  const earlier = mean(steady.slice(0, Math.max(1, half)));
  const later = mean(steady.slice(steady.length - Math.max(1, half)));
  const growth = settled ? (later - earlier) / earlier : null;
  const lost = result.sent - final.received;
  const report = {
    when: new Date().toISOString(),
    minutes,
    rate,
    capacity,
    published: result.sent,
    received: final.received,
    lost,
    heapAtStartMB: samples[0]?.heapMB,
    heapWhenFullMB: full?.heapMB ?? null,
    heapSettledMB: settled ? settled.heapMB : null,
    heapSettledAtS: settled ? settled.elapsedS : null,
    heapAtEndMB: final.heapMB,
    growthAfterFull: growth,
    samples,
  };
  const dir = resolve(import.meta.dirname, '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `soak-${report.when.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  log(`published ${result.sent}, received ${final.received}, lost ${lost}`);
  log(`heap: start ${report.heapAtStartMB} MB, buffer full ${report.heapWhenFullMB ?? '(never full)'} MB, ` +
    `settled ${report.heapSettledMB ?? '(never)'} MB, end ${final.heapMB} MB` +
    (growth === null ? '' : ` (settled samples' later half ${later.toFixed(1)} MB vs earlier half ${earlier.toFixed(1)} MB: ${(growth * 100).toFixed(1)}%)`));
  log(`written ${file}`);
  if (values.check) {
    const problems = [
      lost !== 0 ? `${lost} messages lost` : '',
      full === undefined ? 'the buffer never filled: run longer or lower --capacity' : '',
      full !== undefined && !settled ? `no sample ${SETTLE_MS / 1000} s after the buffer filled: run longer or lower --capacity` : '',
      growth !== null && growth > MAX_GROWTH ? `heap grew ${(growth * 100).toFixed(1)}% once settled (limit ${MAX_GROWTH * 100}%)` : '',
    ].filter(Boolean);
    if (problems.length > 0) {
      console.error(`[soak] FAILED: ${problems.join('; ')}`);
      exitCode = 1;
    } else log('check passed: no loss, heap flat once the buffer was full and settled');
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(exitCode);
