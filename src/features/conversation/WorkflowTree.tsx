/**
 * A Celery workflow (tasks sharing a root id) as a tree by parent id, the
 * way Flower links a task to its parent and children. Clicking a task
 * selects its first retained message.
 */
import type { Conversation, WorkflowNode } from '../../conversations/index.ts';
import { shortId } from './format.ts';

interface WorkflowTreeProps {
  nodes: WorkflowNode[];
  current: Conversation;
  onSelect: (c: Conversation) => void;
}

export function WorkflowTree({ nodes, current, onSelect }: WorkflowTreeProps) {
  return (
    <div className="workflow" data-testid="conversation-workflow">
      <h4>Workflow</h4>
      <Branch nodes={nodes} current={current} onSelect={onSelect} />
    </div>
  );
}

function Branch({ nodes, current, onSelect }: WorkflowTreeProps) {
  return (
    <ul role="group">
      {nodes.map(({ conversation: c, children }) => (
        <li key={c.key} data-testid="workflow-task" data-id={c.key}>
          <button
            type="button"
            className="link"
            aria-current={c === current ? 'true' : undefined}
            disabled={c.members === 0}
            onClick={() => onSelect(c)}
            title={c.members === 0 ? `${c.key}: no message in the buffer` : c.key}
          >
            {c.name || 'task'} <code>{shortId(c.key)}</code> <span className={`conversation-state state-${c.state}`}>{c.state.replace(/-/g, ' ')}</span>
          </button>
          {children.length > 0 && <Branch nodes={children} current={current} onSelect={onSelect} />}
        </li>
      ))}
    </ul>
  );
}
