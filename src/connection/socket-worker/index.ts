export { createTraceSocket, WorkerSocket, type BatchingSocket } from './worker-socket.ts';
