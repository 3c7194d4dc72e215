import { afterEach, describe, expect, it, vi } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import { stompFrame } from '../model/fixtures/messages.ts';
import { PayloadDecoding } from '../model/payload-decoding.ts';
import type { TracedMessage } from '../model/types.ts';
import type { FieldSegment } from '../model/value-at-path.ts';
import { DRAIN_DELAY_MS, FieldCharts, MAX_FIELD_CHARTS } from './field-charts.ts';
import { readFieldView } from './field-view.ts';

const T0 = 1_700_000_000_000;

function setup(capacity = 1000) {
  let now = T0;
  const capture = new TraceCapture({ capacity, now: () => now });
  const payloads = new CountingDecoding();
  const charts = new FieldCharts(capture, payloads);
  const publish = (body: unknown, key = 'orders.eu', atMs = now) => {
    now = atMs;
    capture.ingest(stompFrame(`/exchange/app.events/${key}`, { 'content-type': 'application/json' }, typeof body === 'string' ? body : JSON.stringify(body)), 's1');
  };
  return { capture, payloads, charts, publish };
}

/** Counts the fields read, and lets a test announce a change of decoding choices. */
class CountingDecoding extends PayloadDecoding {
  decoded = 0;
  override fieldOf(message: TracedMessage, segments: readonly FieldSegment[]): unknown {
    this.decoded++;
    return super.fieldOf(message, segments);
  }
  override valueOf(message: TracedMessage): unknown {
    this.decoded++;
    return super.valueOf(message);
  }
  announceChange(): void {
    this.changed();
  }
}

const summaryOf = (charts: FieldCharts, path: string) => {
  const series = charts.get(path);
  return series && readFieldView(series, { endSecond: Math.floor(T0 / 1000) + 100, windowSeconds: 300 }).summary;
};

afterEach(() => vi.useRealTimers());

describe('FieldCharts', () => {
  it('backfills from the retained messages, then follows new ones off the ingest path', () => {
    vi.useFakeTimers();
    const { charts, publish, payloads } = setup();
    publish({ total_cents: 100 });
    publish({ total_cents: 300 });
    publish({ other: 1 });
    expect(charts.add('$.total_cents').ok).toBe(true);
    expect(payloads.decoded).toBe(0); // nothing read while adding
    const series = charts.get('$.total_cents');
    expect(series && charts.backfillPending(series)).toBe(3);
    vi.advanceTimersByTime(0);
    expect(series && charts.backfillPending(series)).toBe(0);
    expect(summaryOf(charts, '$.total_cents')).toMatchObject({ count: 2, min: 100, max: 300, mean: 200 });

    publish({ total_cents: 500 }, 'orders.us', T0 + 2000);
    expect(payloads.decoded).toBe(3); // the ingest did not decode
    expect(series && charts.backfillPending(series)).toBe(0); // following, not backfilling
    vi.advanceTimersByTime(DRAIN_DELAY_MS);
    expect(summaryOf(charts, '$.total_cents')).toMatchObject({ count: 3, min: 100, max: 500, mean: 300 });
    expect(charts.get('$.total_cents')?.counts).toMatchObject({ values: 3, absent: 1 });
  });

  it('decodes each body once for every chart, and charts one path once', () => {
    const { charts, publish, payloads } = setup();
    for (let i = 0; i < 10; i++) publish({ a: i, b: { c: -i } });
    charts.add('$.a');
    charts.add('$.b.c');
    expect(charts.add('$["a"]')).toMatchObject({ ok: true, series: charts.get('$.a') }); // same path, canonical spelling
    charts.drainNow();
    expect(payloads.decoded).toBe(10);
    expect(charts.list).toHaveLength(2);
    expect(summaryOf(charts, '$.b.c')).toMatchObject({ count: 10, min: -9, max: 0 });
  });

  it('refuses a bad path and more than MAX_FIELD_CHARTS charts, with a message', () => {
    const { charts } = setup();
    expect(charts.add('total')).toMatchObject({ ok: false, error: expect.stringMatching(/starts with \$/) });
    for (let i = 0; i < MAX_FIELD_CHARTS; i++) expect(charts.add(`$.f${i}`).ok).toBe(true);
    expect(charts.add('$.one_more')).toMatchObject({ ok: false, error: expect.stringMatching(/At most/) });
  });

  it('reads everything again when decoding choices change, and starts over when the capture is cleared', () => {
    const { charts, publish, payloads, capture } = setup();
    publish({ v: 1 });
    charts.add('$.v');
    charts.drainNow();
    payloads.announceChange();
    charts.drainNow();
    expect(payloads.decoded).toBe(2);
    expect(summaryOf(charts, '$.v')).toMatchObject({ count: 1 });
    capture.clear();
    charts.drainNow();
    expect(summaryOf(charts, '$.v')).toBeNull();
    publish({ v: 7 });
    charts.drainNow();
    expect(summaryOf(charts, '$.v')).toMatchObject({ count: 1, min: 7 });
  });

  it('counts messages evicted before they were read as missed', () => {
    const { charts, publish } = setup(5);
    charts.add('$.v');
    for (let i = 0; i < 12; i++) publish({ v: i });
    charts.drainNow();
    expect(charts.get('$.v')?.counts).toMatchObject({ values: 5, missed: 7 });
    expect(summaryOf(charts, '$.v')).toMatchObject({ min: 7, max: 11 });
  });

  it('survives bodies that are not JSON, hostile or deeply nested', () => {
    const { charts, publish } = setup();
    publish('not json {');
    publish('{"v": "1e999"}');
    publish('{"v": 1e999}'); // Infinity after JSON.parse: not charted
    publish('['.repeat(100_000) + ']'.repeat(100_000));
    publish({ __proto__: { v: 5 } });
    publish({ v: 3 });
    charts.add('$.v');
    expect(() => charts.drainNow()).not.toThrow();
    expect(charts.get('$.v')?.counts).toMatchObject({ values: 1, notNumber: 2, absent: 3 });
  });

  it('announces charts added and removed, and a backfill done, but never a message', () => {
    vi.useFakeTimers();
    const { charts, publish } = setup();
    const seen: number[] = [];
    charts.subscribe(() => seen.push(charts.version));
    publish({ v: 1 });
    charts.add('$.v'); // added
    vi.advanceTimersByTime(0); // backfill done
    for (let i = 0; i < 50; i++) publish({ v: i });
    vi.advanceTimersByTime(DRAIN_DELAY_MS * 3); // new messages read: nothing announced
    const dataVersion = charts.dataVersion;
    vi.advanceTimersByTime(DRAIN_DELAY_MS * 3);
    expect(charts.dataVersion).toBe(dataVersion); // nothing new: a reader has nothing to redraw
    publish({ v: 99 });
    vi.advanceTimersByTime(DRAIN_DELAY_MS);
    expect(charts.dataVersion).toBeGreaterThan(dataVersion);
    charts.remove('$.v');
    expect(seen).toHaveLength(3);
  });

  it('detaches from the capture when the last chart is removed', () => {
    const { charts, publish, payloads } = setup();
    charts.add('$.v');
    charts.remove('$.v');
    publish({ v: 1 });
    charts.drainNow();
    expect(payloads.decoded).toBe(0);
    expect(charts.list).toHaveLength(0);
  });
});
