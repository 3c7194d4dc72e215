/**
 * The Celery reading of a message: a task's call (name, args, kwargs and its
 * place in the workflow), an RPC result, or monitoring events. Absent fields
 * are shown as absent: STOMP drops headers Celery sends as None or lists.
 */
import type { CeleryEventMessage, CeleryInfo, CeleryResult, CeleryTask } from '../../model/index.ts';
import { epochSecondsToIso } from './format.ts';
import { JsonTree } from './JsonTree.tsx';
import { Field, FieldList } from './FieldList.tsx';
import { NumberFieldActionsContext } from './number-field-actions.ts';

/** Events shown per grouped `*.multi` message; the rest stay in the Tree view. */
const MAX_EVENTS_SHOWN = 50;

export function CeleryView({ info }: { info: CeleryInfo }) {
  // These trees hold parts of the body (args, kwargs, one event's fields), so
  // their paths are not the body's: no "chart this field" here; the Tree view
  // of the same message offers it with the body's paths.
  return (
    <NumberFieldActionsContext.Provider value={null}>
      <div className="inspector-celery" data-testid="inspector-celery">
        {info.kind === 'task' && <CeleryTaskView task={info.task} />}
        {info.kind === 'result' && <CeleryResultView result={info.result} />}
        {info.kind === 'event' && <CeleryEventsView message={info} />}
      </div>
    </NumberFieldActionsContext.Provider>
  );
}

function CeleryTaskView({ task }: { task: CeleryTask }) {
  return (
    <>
      <h3>Task</h3>
      {task.bodyProblem !== null && <BodyProblem text={task.bodyProblem} />}
      <FieldList>
        <Field name="task">{task.task}</Field>
        <Field name="id">{task.id}</Field>
        <Field name="args">{task.args === null ? <Absent fallback={task.argsrepr} /> : <JsonTree value={task.args} label="args" />}</Field>
        <Field name="kwargs">{task.kwargs === null ? <Absent fallback={task.kwargsrepr} /> : <JsonTree value={task.kwargs} label="kwargs" />}</Field>
        <Field name="retries">{task.retries ?? <Absent />}</Field>
        <Field name="root id">{task.rootId ?? <Absent />}</Field>
        <Field name="parent id">{task.parentId ?? <Absent />}</Field>
        {task.group !== null && <Field name="group">{task.group}</Field>}
        <Field name="eta">{task.eta ?? <Absent />}</Field>
        <Field name="expires">{task.expires ?? <Absent />}</Field>
        <Field name="origin">{task.origin ?? <Absent />}</Field>
        {task.embed !== null && hasWorkflow(task) && (
          <Field name="workflow">
            <JsonTree value={task.embed} label="callbacks, errbacks, chain, chord" />
          </Field>
        )}
      </FieldList>
    </>
  );
}

function hasWorkflow(task: CeleryTask): boolean {
  const e = task.embed;
  return e !== null && (e.callbacks !== null || e.errbacks !== null || e.chain !== null || e.chord !== null);
}

function CeleryResultView({ result }: { result: CeleryResult }) {
  return (
    <>
      <h3>Result</h3>
      <FieldList>
        <Field name="task_id">{result.taskId}</Field>
        <Field name="status">
          <span className={`celery-status celery-status-${result.status.toLowerCase()}`}>{result.status}</span>
        </Field>
        <Field name="result">
          <JsonTree value={result.result} label="result" />
        </Field>
        <Field name="traceback">{result.traceback === null ? <Absent /> : <pre className="inspector-pre">{result.traceback}</pre>}</Field>
        <Field name="children">{result.children.length === 0 ? <Absent /> : <JsonTree value={result.children} label="children" />}</Field>
        {result.dateDone !== null && <Field name="date_done">{result.dateDone}</Field>}
      </FieldList>
    </>
  );
}

function CeleryEventsView({ message }: { message: CeleryEventMessage }) {
  const shown = message.events.slice(0, MAX_EVENTS_SHOWN);
  return (
    <>
      <h3>
        Event{message.events.length === 1 ? '' : 's'}: {message.eventType}
      </h3>
      {message.bodyProblem !== null && <BodyProblem text={message.bodyProblem} />}
      {shown.map((event, index) => (
        <FieldList key={index}>
          <Field name="type">{event.type || <Absent />}</Field>
          {event.taskId !== null && <Field name="uuid">{event.taskId}</Field>}
          {event.hostname !== null && <Field name="hostname">{event.hostname}</Field>}
          {event.timestamp !== null && <Field name="timestamp">{`${epochSecondsToIso(event.timestamp)} (${event.timestamp})`}</Field>}
          <Field name="fields">
            <JsonTree value={event.fields} label={`fields of event ${index + 1}`} />
          </Field>
        </FieldList>
      ))}
      {message.events.length > shown.length && (
        <p className="hint">
          {message.events.length - shown.length} more events in this message: see the Tree view.
        </p>
      )}
    </>
  );
}

function BodyProblem({ text }: { text: string }) {
  return (
    <p className="decode-warning" role="note">
      {text}
    </p>
  );
}

/** A field the message did not carry; a client-side repr stands in for args/kwargs when there is one. */
function Absent({ fallback = null }: { fallback?: string | null }) {
  if (fallback !== null) return <code title="Python repr from the argsrepr/kwargsrepr header">{fallback}</code>;
  return <span className="muted">—</span>;
}
