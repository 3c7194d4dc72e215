/**
 * Saved filters in localStorage, under a versioned key. What is stored
 * there is read as untrusted: another version of Warren, another app on the
 * same origin or a hand edit may have put anything there. Whatever cannot
 * be read is ignored with a note saying so, never thrown.
 */
import type { SavedFilter } from '../../store/index.ts';

export const SAVED_FILTERS_KEY = 'warren.savedFilters.v1';
const FORMAT_VERSION = 1;
/** More than anyone picks from a menu; a runaway record is cut here. */
export const MAX_SAVED_FILTERS = 200;
export const MAX_NAME_LENGTH = 200;
export const MAX_FILTER_LENGTH = 4000;

/** The part of the Storage API used (injectable for tests). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface LoadedFilters {
  filters: SavedFilter[];
  /** Why some or all of what was stored was ignored; '' when everything was read. */
  note: string;
}

const NO_STORAGE = 'Saved filters cannot be kept: this browser gives the page no localStorage (private mode or disabled). They last until the page is closed.';

/** The page's localStorage, or null where reading it throws (storage disabled) or there is none. */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSavedFilters(storage: StorageLike | null): LoadedFilters {
  if (storage === null) return { filters: [], note: NO_STORAGE };
  let raw: string | null;
  try {
    raw = storage.getItem(SAVED_FILTERS_KEY);
  } catch {
    return { filters: [], note: NO_STORAGE };
  }
  if (raw === null) return { filters: [], note: '' };
  const ignored = (why: string) => ({ filters: [], note: `The saved filters stored in this browser ${why}; they were ignored and the next save replaces them.` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return ignored('are not readable (not JSON)');
  }
  if (!isRecord(parsed)) return ignored('are not a saved-filters record');
  if (parsed['version'] !== FORMAT_VERSION) {
    return ignored(`were written in another format (version ${describe(parsed['version'])}, this page reads ${FORMAT_VERSION})`);
  }
  const list = parsed['filters'];
  if (!Array.isArray(list)) return ignored('have no list of filters');
  const filters: SavedFilter[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  let skipped = 0;
  for (const item of list) {
    const filter = readFilter(item);
    if (filter === null || names.has(filter.name) || filters.length >= MAX_SAVED_FILTERS) {
      skipped++;
      continue;
    }
    if (ids.has(filter.id)) filter.id = newFilterId();
    names.add(filter.name);
    ids.add(filter.id);
    filters.push(filter);
  }
  const note = skipped === 0 ? '' : `${skipped} saved ${skipped === 1 ? 'filter was' : 'filters were'} unreadable, duplicated or beyond ${MAX_SAVED_FILTERS} and ignored.`;
  return { filters, note };
}

/** Writes the list; returns why it could not ('' when stored). */
export function storeSavedFilters(storage: StorageLike | null, filters: readonly SavedFilter[]): string {
  if (storage === null) return NO_STORAGE;
  try {
    storage.setItem(SAVED_FILTERS_KEY, JSON.stringify({ version: FORMAT_VERSION, filters }));
    return '';
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `The saved filters could not be stored (${detail}); they last until the page is closed.`;
  }
}

/** A new id: unique enough within one browser's list (not a secret). */
export function newFilterId(): string {
  return `f${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function readFilter(item: unknown): SavedFilter | null {
  if (!isRecord(item)) return null;
  const { id, name, filter, watch, notify } = item;
  if (typeof name !== 'string' || typeof filter !== 'string') return null;
  if (name.trim() === '' || name.length > MAX_NAME_LENGTH || filter.trim() === '' || filter.length > MAX_FILTER_LENGTH) return null;
  return {
    id: typeof id === 'string' && id !== '' && id.length <= 64 ? id : newFilterId(),
    name,
    filter,
    watch: watch === true,
    notify: watch === true && notify === true,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'none';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
