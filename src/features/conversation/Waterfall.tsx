/**
 * The steps of one conversation, DevTools-waterfall style: one row per
 * message (or per event of a batched `task.multi` message), a mark at its
 * arrival on the page on a shared time axis, the offset from the first
 * message and the gap since the step before. Which clock each time comes
 * from is said in the legend and in each "sent" cell's title.
 */
import type { ConversationStep } from '../../conversations/index.ts';
import { formatClock, formatDuration, formatOffset } from './format.ts';

interface WaterfallProps {
  steps: ConversationStep[];
  selectedSeq: number;
  onSelect: (seq: number) => void;
}

export function Waterfall({ steps, selectedSeq, onSelect }: WaterfallProps) {
  if (steps.length === 0) return <p className="muted">None of its messages is in the buffer any more.</p>;
  const start = steps[0]!.arrivedAt;
  const span = Math.max(1, steps[steps.length - 1]!.arrivedAt - start);
  return (
    <>
      <ol className="waterfall">
        {steps.map((step, i) => {
          const offset = step.arrivedAt - start;
          const gap = i === 0 ? null : step.arrivedAt - steps[i - 1]!.arrivedAt;
          return (
            <li key={`${step.seq}-${i}`} data-testid="conversation-step" data-seq={step.seq} data-kind={step.kind} aria-current={step.seq === selectedSeq ? 'true' : undefined}>
              <button type="button" className={`step kind-${step.kind}`} onClick={() => onSelect(step.seq)} title={`Select message #${step.seq}`}>
                <span className="step-label">{step.label}</span>
                <span className="step-offset">{formatOffset(offset)}</span>
                <span className="step-gap">{gap === null ? '' : `Δ ${formatDuration(gap)}`}</span>
                <span className="step-track" aria-hidden="true">
                  <span className="step-mark" style={{ left: `${(offset / span) * 100}%` }} />
                </span>
                <span className="step-sent" title={sentTitle(step)}>
                  {step.sentAt === null ? '' : formatClock(step.sentAt, step.sentClock === 'event')}
                </span>
                <span className="step-detail">
                  #{step.seq}
                  {step.detail && ` · ${step.detail}`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="waterfall-legend muted">
        Offsets and Δ: arrival on this page (ms, one clock; request and answer may come through different shovels). Sent: the AMQP timestamp
        (whole seconds, the publisher’s clock) or the Celery event’s timestamp (the worker’s or client’s clock).
      </p>
    </>
  );
}

function sentTitle(step: ConversationStep): string {
  if (step.sentClock === 'amqp') return 'AMQP timestamp property: whole seconds, publisher clock';
  if (step.sentClock === 'event') return 'Celery event timestamp: the sender’s clock';
  return 'The sender gave no time';
}
