export { TraceConnection, RECONNECT_INITIAL_MS, RECONNECT_MAX_MS } from './trace-connection.ts';
export { DURABLE_PREFETCH, DURABLE_QUEUE_EXPIRES_MS } from './durable-capture.ts';
export type { ConnectionParams, SubscribeOptions, TraceConnectionListeners, TraceConnectionOptions, TraceConnectionStatus } from './trace-connection.ts';
export { describeCloseEvent, describeErrorFrame } from './errors.ts';
export { installFastFramePath } from './fast-frame-path.ts';
export type { BrokerInUse } from './broker-rotation.ts';
export { brokerInUseText, brokerLabel, brokerListError, checkBrokerList, joinBrokerLists, splitBrokerList, type BrokerListEntry } from './broker-list.ts';
