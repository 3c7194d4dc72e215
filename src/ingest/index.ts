export { TraceIngest, DEFAULT_CAPACITY, type KeyPredicate } from './trace-ingest.ts';
export { MessageBuffer } from './message-buffer.ts';
export { SeqIndex } from './seq-index.ts';
