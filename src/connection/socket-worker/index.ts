export { createTraceSocket, WorkerSocket, type BatchingSocket } from './worker-socket.ts';
export { LIVE_BATCH_DELAY_MS } from './protocol.ts';
