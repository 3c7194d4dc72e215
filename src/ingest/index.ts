export { TraceIngest, DEFAULT_CAPACITY, type BodyPredicate, type TimeRange } from './trace-ingest.ts';
export { type KeyPredicate } from './routing-key-column.ts';
export { MessageBuffer } from './message-buffer.ts';
export { SeqIndex } from './seq-index.ts';
export { isRedeliveredCopy } from './redelivery.ts';
export { type SequenceGap } from './sequence-gaps.ts';
