/**
 * Message diff: pure functions comparing two messages (envelope and body)
 * into flat lists of entries the diff view lays out.
 */
export { diffMessages, diffBodies } from './message-diff.ts';
export type { BodyDiff, MessageDiff, PayloadReader } from './message-diff.ts';
export { diffEnvelopes, envelopeFields } from './headers.ts';
export type { EnvelopeDiff } from './headers.ts';
export { diffStructured, MAX_DIFF_ENTRIES } from './structural.ts';
export type { StructuralDiff } from './structural.ts';
export { diffTexts, TEXT_DIFF_CHARS } from './text.ts';
export type { NumberedLine, TextBlock, TextDiff, WordPart } from './text.ts';
export { diffBytes } from './binary.ts';
export type { BinaryDiff } from './binary.ts';
export { DEFAULT_DIFF_LIMITS } from './normalize.ts';
export type { DiffLimits } from './normalize.ts';
export { previewValue } from './preview.ts';
export type { DiffEntry, DiffKind } from './types.ts';
