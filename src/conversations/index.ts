/**
 * Conversations: messages linked by correlation id, Celery task id and the
 * task events' uuid, indexed live at ingest; the requests view's exact
 * counts and latencies per task name / request key; and the waterfall of one
 * conversation for the inspector.
 */
export { linkFilter } from './link-filter.ts';
export { ConversationIndex, type ConversationIndexOptions } from './conversation-index.ts';
export { DEFAULT_REQUEST_TIMEOUT_MS } from './request-ledger.ts';
export { Conversation, type ConversationState } from './conversation.ts';
export { RequestRow, type RequestKind, OVERFLOW_ROW_NAME, UNNAMED_ROW_NAME } from './request-rows.ts';
export { LatencyHistogram, type LatencyBin } from './latency-histogram.ts';
export { conversationSteps, workflowTree, type ConversationStep, type StepKind, type WorkflowNode } from './conversation-steps.ts';
