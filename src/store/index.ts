/**
 * The tab's UI state: one vanilla zustand store per session, made of slices,
 * each with its state and the named actions that change it (no raw setState
 * from outside). It holds no messages: the capture does, and the session
 * publishes its counters here once per update.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createChartsSlice, type ChartsSlice } from './charts-slice.ts';
import { createChoicesSlice, type ChoicesSlice } from './choices-slice.ts';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice.ts';
import { createSubscriptionsSlice, type SubscriptionsSlice } from './subscriptions-slice.ts';
import { createViewSlice, type ViewSlice } from './view-slice.ts';
import { createRewindSlice, type RewindSlice } from './rewind-slice.ts';
import { createRequestsSlice, type RequestsSlice } from './requests-slice.ts';
import { createSavedFiltersSlice, type SavedFiltersSlice } from './saved-filters-slice.ts';
import { createDiffSlice, type DiffSlice } from './diff-slice.ts';
import { createFieldChartsSlice, type FieldChartsSlice } from './field-charts-slice.ts';

export type WarrenState = ConnectionSlice & SubscriptionsSlice & ViewSlice & ChoicesSlice & ChartsSlice & RewindSlice & RequestsSlice & DiffSlice & SavedFiltersSlice & FieldChartsSlice;
export type WarrenStore = StoreApi<WarrenState>;

export function createWarrenStore(): WarrenStore {
  return createStore<WarrenState>()((...a) => ({
    ...createConnectionSlice(...a),
    ...createSubscriptionsSlice(...a),
    ...createViewSlice(...a),
    ...createChoicesSlice(...a),
    ...createChartsSlice(...a),
    ...createRewindSlice(...a),
    ...createRequestsSlice(...a),
    ...createSavedFiltersSlice(...a),
    ...createDiffSlice(...a),
    ...createFieldChartsSlice(...a),
  }));
}

export type { ConnectionSlice, ConnectionTarget } from './connection-slice.ts';
export type { Subscription, SubscriptionState, SubscriptionsSlice } from './subscriptions-slice.ts';
export type { PublishedView, ViewSlice } from './view-slice.ts';
export type { ChoicesSlice, TimeWindow } from './choices-slice.ts';
export type { ChartSettings, ChartsSlice } from './charts-slice.ts';
export type { RewindSlice } from './rewind-slice.ts';
export type { RequestSort, RequestSortKey, RequestsSlice } from './requests-slice.ts';
export type { NotifyPermission, SavedFilter, SavedFiltersSlice } from './saved-filters-slice.ts';
export type { DiffSlice } from './diff-slice.ts';
export type { FieldChartWindow, FieldChartsSlice } from './field-charts-slice.ts';
