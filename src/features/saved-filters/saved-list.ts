/**
 * The operations on the saved-filters list, as pure functions: each returns
 * a new list (the store replaces it) or says why it cannot.
 */
import type { SavedFilter } from '../../store/index.ts';
import { MAX_FILTER_LENGTH, MAX_NAME_LENGTH, MAX_SAVED_FILTERS } from './storage.ts';

export type ListChange = { ok: true; filters: SavedFilter[] } | { ok: false; error: string };

function checkName(name: string): string {
  if (name === '') return 'A saved filter needs a name.';
  if (name.length > MAX_NAME_LENGTH) return `A name has at most ${MAX_NAME_LENGTH} characters.`;
  return '';
}

/**
 * Saves `filter` under `name` (trimmed). A filter already saved under that
 * name is replaced (it keeps its id and its watch settings).
 */
export function saveFilter(list: readonly SavedFilter[], name: string, filter: string, id: string): ListChange {
  const trimmed = name.trim();
  const bad = checkName(trimmed);
  if (bad) return { ok: false, error: bad };
  if (filter.trim() === '') return { ok: false, error: 'There is no filter to save: type one in the filter box.' };
  if (filter.length > MAX_FILTER_LENGTH) return { ok: false, error: `A saved filter has at most ${MAX_FILTER_LENGTH} characters.` };
  const existing = list.find((f) => f.name === trimmed);
  if (existing) return { ok: true, filters: list.map((f) => (f === existing ? { ...f, filter } : f)) };
  if (list.length >= MAX_SAVED_FILTERS) return { ok: false, error: `At most ${MAX_SAVED_FILTERS} saved filters: delete one first.` };
  return { ok: true, filters: [...list, { id, name: trimmed, filter, watch: false, notify: false }] };
}

export function renameFilter(list: readonly SavedFilter[], id: string, name: string): ListChange {
  const trimmed = name.trim();
  const bad = checkName(trimmed);
  if (bad) return { ok: false, error: bad };
  if (list.some((f) => f.name === trimmed && f.id !== id)) return { ok: false, error: `A saved filter is already named "${trimmed}".` };
  return { ok: true, filters: list.map((f) => (f.id === id ? { ...f, name: trimmed } : f)) };
}

export function removeFilter(list: readonly SavedFilter[], id: string): SavedFilter[] {
  return list.filter((f) => f.id !== id);
}

/** Makes a saved filter a watch, or not (a filter no longer watched stops notifying). */
export function setWatch(list: readonly SavedFilter[], id: string, watch: boolean): SavedFilter[] {
  return list.map((f) => (f.id === id ? { ...f, watch, notify: watch && f.notify } : f));
}

/** A watch that alerts, or not (asking to be notified makes the filter a watch). */
export function setNotify(list: readonly SavedFilter[], id: string, notify: boolean): SavedFilter[] {
  return list.map((f) => (f.id === id ? { ...f, notify, watch: f.watch || notify } : f));
}

/**
 * Watches the filter box's text: the saved filter with that text becomes a
 * watch, or a new one is saved, named after the text.
 */
export function watchFilterText(list: readonly SavedFilter[], filter: string, id: string): ListChange {
  const existing = list.find((f) => f.filter === filter);
  if (existing) return { ok: true, filters: setWatch(list, existing.id, true) };
  const saved = saveFilter(list, uniqueName(list, filter), filter, id);
  return saved.ok ? { ok: true, filters: setWatch(saved.filters, id, true) } : saved;
}

/** The filter text as a name, cut to a readable length, with " (2)" and so on when taken. */
export function uniqueName(list: readonly SavedFilter[], text: string): string {
  const base = text.trim().slice(0, 80);
  const taken = new Set(list.map((f) => f.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}

/** What the session's WatchSet counts. */
export function watchSpecs(list: readonly SavedFilter[]): { id: string; filter: string; notify: boolean }[] {
  return list.filter((f) => f.watch).map((f) => ({ id: f.id, filter: f.filter, notify: f.notify }));
}
