import { describe, expect, it } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import { ConversationIndex } from '../conversations/index.ts';
import { stompFrame } from '../model/fixtures/messages.ts';
import { PayloadDecoding, type FieldSegment, type TracedMessage } from '../model/index.ts';
import { createWarrenStore } from '../store/index.ts';
import { TraceView } from '../view/index.ts';
import { FilterControl } from './filter-control.ts';
import { compileSessionFilter } from './session-filter.ts';

/** A decoding whose reading the test can switch, as a loaded schema or a "decode as" would. */
class SwitchableDecoding extends PayloadDecoding {
  hideTotals = false;
  /** CPU each decode costs, as a big body would. */
  slowMs = 0;
  override valueOf(message: TracedMessage): unknown {
    this.spend();
    const value = super.valueOf(message);
    return this.hideTotals ? undefined : value;
  }
  override fieldOf(message: TracedMessage, segments: readonly FieldSegment[]): unknown {
    this.spend();
    const value = super.fieldOf(message, segments);
    return this.hideTotals ? undefined : value;
  }
  private spend(): void {
    const until = performance.now() + this.slowMs;
    while (performance.now() < until);
  }
  switchTo(hide: boolean): void {
    this.hideTotals = hide;
    this.changed();
  }
}

function setup() {
  const capture = new TraceCapture({ capacity: 100 });
  const conversations = new ConversationIndex(capture);
  const payloads = new SwitchableDecoding();
  const view = new TraceView(capture);
  const store = createWarrenStore();
  let applied = 0;
  const control = new FilterControl(view, store, conversations, payloads, () => applied++);
  const ingest = (key: string, body: object, headers: Record<string, string> = {}) =>
    capture.ingest(stompFrame(`/exchange/app.events/${key}`, { 'content-type': 'application/json', ...headers }, JSON.stringify(body)), 's');
  const shownSeqs = () => Array.from({ length: view.rowCount }, (_, row) => view.seqAtRow(row));
  const compile = (text: string) => {
    const result = compileSessionFilter(text, conversations, payloads);
    if (!result.ok) throw new Error(result.error);
    return result.compiled;
  };
  return { capture, payloads, store, control, ingest, shownSeqs, compile, appliedCount: () => applied };
}

describe('session filter', () => {
  it('keeps key-only filters (OR included) on the per-key path, with no per-message test', () => {
    const { compile } = setup();
    expect(compile('orders.# OR #.failed').messageTest).toBeNull();
    expect(compile('orders.# OR #.failed').keyTest).not.toBeNull();
    expect(compile('').keyTest).toBeNull();
    expect(compile('orders $.total>5').messageTest).not.toBeNull();
  });

  it('shows exactly the messages of a mixed OR filter, on re-filter and live, and agrees with test()', () => {
    const { capture, control, ingest, shownSeqs, compile } = setup();
    ingest('orders.eu', { total: 10 }); // 1: group 1
    ingest('orders.eu', { total: 1 }); // 2: none
    ingest('users.new', { total: 99 }, { 'x-a': '1' }); // 3: group 2
    ingest('users.new', { total: 99 }); // 4: none
    const text = 'orders $.total>5 OR header:x-a=1';
    control.apply(text);
    expect(shownSeqs()).toEqual([1, 3]);
    ingest('orders.us', { total: 6 }); // 5: group 1
    ingest('orders.us', { total: 6 }, { 'x-a': '2' }); // 6: group 1
    ingest('payments', {}, { 'X-A': '1' }); // 7: group 2, header name in another case
    expect(shownSeqs()).toEqual([1, 3, 5, 6, 7]);
    const { test } = compile(text);
    const all = [...capture.buffer.retained()];
    expect(all.filter(test).map((m) => m.seq)).toEqual([1, 3, 5, 6, 7]);
  });

  it('a bad filter keeps the last good one, and the store says which term is bad', () => {
    const { control, ingest, shownSeqs, store } = setup();
    ingest('a', {});
    ingest('b', {});
    control.apply('a');
    control.apply('b /(/');
    expect(shownSeqs()).toEqual([1]);
    expect(store.getState().filterError).toMatch(/"\/\(\/"/);
    expect(compileSessionFilter('b /(/', new ConversationIndex(new TraceCapture({ capacity: 2 })), new PayloadDecoding())).toMatchObject({ ok: false, start: 2, end: 5 });
  });

  it('re-applies a field filter when the decoding changes, and only then', () => {
    const { control, ingest, shownSeqs, payloads, appliedCount } = setup();
    ingest('a', { total: 10 });
    control.apply('$.total>5');
    expect(shownSeqs()).toEqual([1]);
    payloads.switchTo(true);
    expect(shownSeqs()).toEqual([]);
    payloads.switchTo(false);
    expect(shownSeqs()).toEqual([1]);
    control.apply('a');
    const before = appliedCount();
    payloads.switchTo(true);
    expect(appliedCount()).toBe(before); // a key filter does not read bodies
  });

  it('publishes the rows of a re-filter that ran in slices when it ends', async () => {
    const { control, ingest, shownSeqs, payloads, appliedCount, capture } = setup();
    for (let i = 0; i < 100; i++) ingest('a', { total: i });
    payloads.slowMs = 0.3; // 30 ms of decoding: more than one slice
    control.apply('$.total>=90');
    const afterApply = appliedCount();
    await new Promise<void>((resolve) => {
      const poll = () => (appliedCount() > afterApply ? resolve() : setTimeout(poll, 5));
      poll();
    });
    expect(shownSeqs()).toEqual(Array.from({ length: 10 }, (_, i) => capture.buffer.firstSeq + 90 + i));
  });
});

