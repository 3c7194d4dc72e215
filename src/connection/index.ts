export { TraceConnection, RECONNECT_INITIAL_MS, RECONNECT_MAX_MS } from './trace-connection.ts';
export { DURABLE_PREFETCH, DURABLE_QUEUE_EXPIRES_MS } from './durable-capture.ts';
export type { ConnectionParams, SubscribeOptions, TraceConnectionListeners, TraceConnectionOptions, TraceConnectionStatus } from './trace-connection.ts';
export { describeCloseEvent, describeErrorFrame } from './errors.ts';
export { installFastFramePath } from './fast-frame-path.ts';
export type { BrokerInUse } from './broker-rotation.ts';
export { brokerInUseText, brokerLabel, brokerListError, checkBrokerList, joinBrokerLists, splitBrokerList, type BrokerListEntry } from './broker-list.ts';
// For the bench's synthetic load, which feeds the page the way the socket worker does.
export { CumulativeAcker } from './durable-capture.ts';
export { MessageRoutes, type PackedMessageListener, type Route } from './message-routes.ts';
export { readMessageFrame, type MessageFrameParts } from './socket-worker/message-frame.ts';
export { HeaderTokenCache } from './header-token-cache.ts';
export { MAX_BATCH_BYTES, MAX_BATCH_MESSAGES } from './socket-worker/protocol.ts';
