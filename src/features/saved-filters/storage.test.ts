import { describe, expect, it } from 'vitest';
import type { SavedFilter } from '../../store/index.ts';
import { loadSavedFilters, MAX_SAVED_FILTERS, SAVED_FILTERS_KEY, storeSavedFilters, type StorageLike } from './storage.ts';

/** An in-memory Storage, optionally failing the way browsers do. */
function memoryStorage(initial?: string, fail: { get?: boolean; set?: boolean } = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(SAVED_FILTERS_KEY, initial);
  return {
    data,
    getItem: (key) => {
      if (fail.get) throw new DOMException('The operation is insecure.', 'SecurityError');
      return data.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (fail.set) throw new DOMException('quota exceeded', 'QuotaExceededError');
      data.set(key, value);
    },
  };
}

const sample: SavedFilter[] = [
  { id: 'a', name: 'failed payments', filter: 'payments.*.failed', watch: true, notify: true },
  { id: 'b', name: 'France <script>', filter: '"quoted text" -users.#', watch: false, notify: false },
];

describe('saved filters in localStorage', () => {
  it('round-trips a list under the versioned key', () => {
    const storage = memoryStorage();
    expect(storeSavedFilters(storage, sample)).toBe('');
    expect(JSON.parse(storage.data.get(SAVED_FILTERS_KEY) ?? '')).toMatchObject({ version: 1 });
    expect(loadSavedFilters(storage)).toEqual({ filters: sample, note: '' });
  });

  it('reads nothing, without a note, when nothing was saved', () => {
    expect(loadSavedFilters(memoryStorage())).toEqual({ filters: [], note: '' });
  });

  it.each([
    ['not JSON', '{not json', /not readable/],
    ['JSON null', 'null', /not a saved-filters record/],
    ['an array', '[1,2]', /not a saved-filters record/],
    ['another version', JSON.stringify({ version: 2, filters: [] }), /version 2, this page reads 1/],
    ['no version', JSON.stringify({ filters: [] }), /version none/],
    ['a huge version string', JSON.stringify({ version: 'x'.repeat(10_000), filters: [] }), /version x{20}…/],
    ['filters not a list', JSON.stringify({ version: 1, filters: 'payments' }), /no list/],
  ])('ignores %s with a note, never throwing', (_what, raw, note) => {
    const loaded = loadSavedFilters(memoryStorage(raw));
    expect(loaded.filters).toEqual([]);
    expect(loaded.note).toMatch(note);
  });

  it('keeps the readable entries and counts the others in the note', () => {
    const raw = JSON.stringify({
      version: 1,
      filters: [
        sample[0],
        null,
        { name: 'no filter' },
        { name: '', filter: 'x' },
        { name: 'x'.repeat(201), filter: 'x' },
        { name: 'ok without id', filter: 'orders.#', watch: 'yes', notify: true },
        { id: 'a', name: 'same id', filter: 'a.b' },
        { name: 'failed payments', filter: 'duplicate name' },
      ],
    });
    const { filters, note } = loadSavedFilters(memoryStorage(raw));
    expect(filters.map((f) => f.name)).toEqual(['failed payments', 'ok without id', 'same id']);
    // Only `true` is true; notify needs a watch; a repeated or missing id gets a fresh one.
    expect(filters[1]).toMatchObject({ watch: false, notify: false });
    expect(filters[1]?.id).toMatch(/^f/);
    expect(filters[2]?.id).not.toBe('a');
    expect(note).toBe('5 saved filters were unreadable, duplicated or beyond 200 and ignored.');
  });

  it(`keeps at most ${MAX_SAVED_FILTERS}`, () => {
    const many = Array.from({ length: MAX_SAVED_FILTERS + 5 }, (_, i) => ({ id: `i${i}`, name: `n${i}`, filter: `k${i}` }));
    const { filters, note } = loadSavedFilters(memoryStorage(JSON.stringify({ version: 1, filters: many })));
    expect(filters).toHaveLength(MAX_SAVED_FILTERS);
    expect(note).toMatch(/^5 saved filters/);
  });

  it('says why when the browser refuses to read or write, and when there is no storage', () => {
    expect(loadSavedFilters(memoryStorage(undefined, { get: true })).note).toMatch(/no localStorage/);
    expect(loadSavedFilters(null).note).toMatch(/no localStorage/);
    expect(storeSavedFilters(memoryStorage(undefined, { set: true }), sample)).toMatch(/could not be stored \(quota exceeded\)/);
    expect(storeSavedFilters(null, sample)).toMatch(/no localStorage/);
  });
});
