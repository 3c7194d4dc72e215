export { TraceSession, type ConnectionFactory, type SessionConnection, type TraceSessionOptions } from './trace-session.ts';
export { pageHidden, watchPageVisibility } from './page-visibility.ts';
export { watchPageAttention, windowFocused } from './page-attention.ts';
export type { MessageTest, SessionFilter, SessionFilterResult } from './session-filter.ts';
export { afterNextPaint } from './after-paint.ts';
