export { createTraceSocket, WorkerSocket } from './worker-socket.ts';
