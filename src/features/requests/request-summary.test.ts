import { describe, expect, it } from 'vitest';
import { RequestRow } from '../../conversations/index.ts';
import { sortSummaries, summarize, type RequestSummary } from './request-summary.ts';

function row(name: string, counts: Partial<Pick<RequestRow, 'count' | 'replied' | 'failed' | 'pending' | 'timedOut'>>, latencies: number[] = [], kind: 'celery' | 'rpc' = 'celery'): RequestRow {
  const r = new RequestRow(kind, name);
  Object.assign(r, counts);
  for (const ms of latencies) r.latency.record(ms);
  return r;
}

const names = (rows: RequestSummary[]) => rows.map((r) => r.name);

describe('summarize', () => {
  it('copies the counts and reads the percentiles once', () => {
    const s = summarize(row('add', { count: 5, replied: 3, pending: 0, timedOut: 2 }, [10, 20, 30]));
    expect(s).toMatchObject({ id: 'celery:add', kind: 'celery', name: 'add', count: 5, replied: 3, timedOut: 2, latencyCount: 3, max: 30 });
    expect(s.p50).toBeGreaterThan(19);
    expect(s.p50).toBeLessThan(21);
    expect(s.runtimeP50).toBeNaN();
  });

  it('has no latency values before the first answer', () => {
    const s = summarize(row('slow', { count: 1, pending: 1 }));
    expect(s.p50).toBeNaN();
    expect(s.max).toBeNaN();
  });

  it('keeps the previous copy while nothing moved, and makes a new one when something did', () => {
    const r = row('add', { count: 1, pending: 1 });
    const first = summarize(r);
    expect(summarize(r, first)).toBe(first);
    r.pending = 0;
    r.timedOut = 1;
    const second = summarize(r, first);
    expect(second).not.toBe(first);
    expect(second.timedOut).toBe(1);
    r.runtime.record(5);
    expect(summarize(r, second).runtimeP50).toBe(5);
  });
});

describe('sortSummaries', () => {
  const rows = [
    summarize(row('b', { count: 10 }, [100])),
    summarize(row('a', { count: 10 }, [5])),
    summarize(row('c', { count: 3 })),
    summarize(row('d', { count: 7 }, [50])),
  ];

  it('sorts by a count, ties by name', () => {
    expect(names(sortSummaries(rows, { key: 'count', descending: true }))).toEqual(['a', 'b', 'd', 'c']);
    expect(names(sortSummaries(rows, { key: 'count', descending: false }))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('puts rows without a latency last in either direction', () => {
    expect(names(sortSummaries(rows, { key: 'p95', descending: true }))).toEqual(['b', 'd', 'a', 'c']);
    expect(names(sortSummaries(rows, { key: 'p95', descending: false }))).toEqual(['a', 'd', 'b', 'c']);
  });

  it('sorts by name both ways, then by kind', () => {
    const both = [...rows, summarize(row('a', { count: 1 }, [], 'rpc'))];
    expect(sortSummaries(both, { key: 'name', descending: false }).map((r) => r.id)).toEqual(['celery:a', 'rpc:a', 'celery:b', 'celery:c', 'celery:d']);
    expect(names(sortSummaries(rows, { key: 'name', descending: true }))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('leaves its input alone', () => {
    const before = names(rows);
    sortSummaries(rows, { key: 'name', descending: true });
    expect(names(rows)).toEqual(before);
  });
});
