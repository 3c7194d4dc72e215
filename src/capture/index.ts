/**
 * The capture core: what the tab received, whatever any view shows. Plain
 * classes, no React and no store; indexes attach as listeners.
 */
export { TraceCapture, DEFAULT_CAPACITY, type CaptureListener, type TraceCaptureOptions } from './trace-capture.ts';
export { MessageBuffer } from './message-buffer.ts';
export { KeyIdColumn, growToHoldKeyId } from './key-id-column.ts';
export { type SequenceGap, type SequenceGaps } from './sequence-gaps.ts';
