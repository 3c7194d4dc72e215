/**
 * Which payload views apply to a decoded body, which one opens first, and
 * what the Copy button copies in each. Pure, so the choice is unit-tested.
 */
import type { CeleryInfo, DecodedBody } from '../../model/index.ts';

export type PayloadViewId = 'celery' | 'tree' | 'text' | 'hex';

export const VIEW_LABELS: Record<PayloadViewId, string> = { celery: 'Celery', tree: 'Tree', text: 'Text', hex: 'Hex' };

/** Views in tab order. Hex is always there: every body is bytes. */
export function availableViews(decoded: DecodedBody, celery: CeleryInfo | null): PayloadViewId[] {
  const views: PayloadViewId[] = [];
  if (celery !== null) views.push('celery');
  if (decoded.kind === 'json') views.push('tree');
  if (decoded.kind !== 'binary') views.push('text');
  views.push('hex');
  return views;
}

/**
 * The view a message opens in: Celery for tasks (args/kwargs matter more than
 * the body's array shape), else the richest reading of the body. Celery
 * results and events open as a JSON tree; their Celery tab stays one click away.
 */
export function defaultView(decoded: DecodedBody, celery: CeleryInfo | null): PayloadViewId {
  if (celery?.kind === 'task') return 'celery';
  if (decoded.kind === 'json') return 'tree';
  if (decoded.kind === 'text') return 'text';
  return 'hex';
}

/** The user's pick while it still applies (loading the full body can change the kind), else the default. */
export function effectiveView(chosen: PayloadViewId | null, decoded: DecodedBody, celery: CeleryInfo | null): PayloadViewId {
  if (chosen !== null && availableViews(decoded, celery).includes(chosen)) return chosen;
  return defaultView(decoded, celery);
}

/**
 * What Copy puts on the clipboard: pretty JSON in the tree (what the user is
 * looking at; the Text view copies the exact bytes-as-text), the decoded text
 * otherwise, and the visible hex dump for binary.
 */
export function copyableText(view: PayloadViewId, decoded: DecodedBody, hexShown: () => string): string {
  if (decoded.kind === 'json' && (view === 'tree' || view === 'celery')) return JSON.stringify(decoded.value, null, 2);
  if (view === 'hex' || decoded.kind === 'binary') return hexShown();
  return decoded.text;
}
