export * from './connection-store.ts';
export * from './subscriptions-store.ts';
export * from './view-store.ts';
