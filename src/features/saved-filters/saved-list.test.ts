import { describe, expect, it } from 'vitest';
import type { SavedFilter } from '../../store/index.ts';
import { removeFilter, renameFilter, saveFilter, setNotify, setWatch, uniqueName, watchFilterText, watchSpecs } from './saved-list.ts';
import { shareLink } from './share-link.ts';

const eu: SavedFilter = { id: 'a', name: 'eu orders', filter: 'orders.eu.#', watch: true, notify: true };
const base: SavedFilter[] = [eu];

describe('saved-filters list operations', () => {
  it('saves under a trimmed name, and replaces the filter of a name already saved (keeping its id and watch)', () => {
    const added = saveFilter(base, '  us orders ', 'orders.us.#', 'b');
    expect(added.ok && added.filters.map((f) => [f.id, f.name, f.filter])).toEqual([
      ['a', 'eu orders', 'orders.eu.#'],
      ['b', 'us orders', 'orders.us.#'],
    ]);
    const replaced = saveFilter(base, 'eu orders', 'orders.eu.created', 'c');
    expect(replaced.ok && replaced.filters).toEqual([{ ...eu, filter: 'orders.eu.created' }]);
  });

  it('refuses an empty name, an empty filter and a too long name', () => {
    expect(saveFilter(base, '  ', 'x', 'b')).toMatchObject({ ok: false, error: expect.stringMatching(/needs a name/) });
    expect(saveFilter(base, 'n', ' ', 'b')).toMatchObject({ ok: false, error: expect.stringMatching(/no filter/) });
    expect(saveFilter(base, 'n'.repeat(201), 'x', 'b').ok).toBe(false);
  });

  it('renames unless the name is taken by another', () => {
    const list = [...base, { id: 'b', name: 'other', filter: 'x', watch: false, notify: false }];
    expect(renameFilter(list, 'a', 'other')).toMatchObject({ ok: false, error: 'A saved filter is already named "other".' });
    const renamed = renameFilter(list, 'a', ' Europe ');
    expect(renamed.ok && renamed.filters[0]).toMatchObject({ id: 'a', name: 'Europe' });
    expect(renameFilter(list, 'a', 'eu orders').ok).toBe(true);
  });

  it('removes, unwatches (which stops notifying) and notifies (which watches)', () => {
    expect(removeFilter(base, 'a')).toEqual([]);
    expect(setWatch(base, 'a', false)[0]).toMatchObject({ watch: false, notify: false });
    const plain = [{ ...eu, id: 'p', watch: false, notify: false }];
    expect(setNotify(plain, 'p', true)[0]).toMatchObject({ watch: true, notify: true });
  });

  it('watches the filter text: the saved filter with that text, or a new one named after it', () => {
    const same = watchFilterText(setWatch(base, 'a', false), 'orders.eu.#', 'new');
    expect(same.ok && same.filters).toEqual([{ ...eu, watch: true, notify: false }]);
    const fresh = watchFilterText([{ ...eu, name: 'payments.*.failed' }], 'payments.*.failed', 'n');
    expect(fresh.ok && fresh.filters[1]).toEqual({ id: 'n', name: 'payments.*.failed (2)', filter: 'payments.*.failed', watch: true, notify: false });
  });

  it('names after the text, cut at 80 characters', () => {
    expect(uniqueName([], `  ${'k'.repeat(100)}  `)).toBe('k'.repeat(80));
  });

  it('hands the watches, and only them, to the WatchSet', () => {
    const list = [...base, { id: 'b', name: 'b', filter: 'x', watch: false, notify: false }];
    expect(watchSpecs(list)).toEqual([{ id: 'a', filter: 'orders.eu.#', notify: true }]);
  });
});

describe('shareLink', () => {
  it('carries the filter and the subscriptions, and where to connect, never a passcode or a one-off action', () => {
    const href = 'http://127.0.0.1:8080/?broker=ws%3A%2F%2Fh%3A15674%2Fws&login=warren&passcode=x&rewind=15m&sub=%2Fold&filter=old&requests=1';
    const link = new URL(shareLink(href, 'orders.*.created "a b"', ['/exchange/app.events/#', '/exchange/celery/#', '/exchange/app.events/#']));
    expect(link.origin + link.pathname).toBe('http://127.0.0.1:8080/');
    expect(link.searchParams.get('broker')).toBe('ws://h:15674/ws');
    expect(link.searchParams.get('login')).toBe('warren');
    expect(link.searchParams.getAll('sub')).toEqual(['/exchange/app.events/#', '/exchange/celery/#']);
    expect(link.searchParams.get('filter')).toBe('orders.*.created "a b"');
    for (const gone of ['passcode', 'rewind', 'requests']) expect(link.searchParams.has(gone)).toBe(false);
  });
});
