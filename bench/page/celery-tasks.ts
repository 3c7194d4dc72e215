/**
 * The Celery mix's tasks, as generator/celery-task.ts's catalogue makes them
 * (names, queues, argument and result shapes, Python reprs for argsrepr /
 * kwargsrepr), from a hash of the task's number instead of an RNG.
 */
import { hex, mix } from './frame-text.ts';

export const CELERY_TASK_NAMES = ['proj.tasks.add', 'proj.email.send_welcome', 'proj.reports.generate', 'proj.billing.charge', 'proj.email.send_receipt'] as const;

/** A uuid4-looking task id; its last 12 digits are the task's number, so ids never repeat. */
export function celeryTaskId(t: number): string {
  return `${hex(mix(t * 5 + 1), 8)}-${hex(mix(t * 5 + 2), 4)}-4${hex(mix(t * 5 + 3), 3)}-${hex(0x8000 | (mix(t * 5 + 4) & 0x3fff), 4)}-${hex(t, 12)}`;
}
export const celeryTaskName = (t: number): string => CELERY_TASK_NAMES[t % CELERY_TASK_NAMES.length] ?? 'proj.tasks.add';
/** One task in 20 fails (task-failed, reply status FAILURE): always a send_receipt (19 % 5 = 4). */
export const celeryTaskFails = (t: number): boolean => t % 20 === 19;
/** How it fails: the generator's failure of send_receipt (generator/worker-messages.ts runTask). */
export const CELERY_FAILURE = {
  excType: 'SMTPRecipientsRefused',
  excMessage: 'recipient refused',
  traceback:
    'Traceback (most recent call last):\n  File "/usr/lib/python3/site-packages/celery/app/trace.py", line 477, in trace_task\n    R = retval = fun(*args, **kwargs)\n' +
    '  File "/app/proj/email.py", line 88, in send_receipt\n    raise SMTPRecipientsRefused(\'recipient refused\')\nSMTPRecipientsRefused: recipient refused\n',
};

export type Py = string | number | boolean;
export const pyRepr = (v: Py): string => (typeof v === 'string' ? `'${v}'` : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));
export const pyTuple = (args: Py[]) => (args.length === 1 ? `(${pyRepr(args[0] ?? '')},)` : `(${args.map(pyRepr).join(', ')})`);
export const pyDict = (kwargs: Record<string, Py>) => `{${Object.entries(kwargs).map(([k, v]) => `'${k}': ${pyRepr(v)}`).join(', ')}}`;

export interface CeleryTask {
  t: number;
  id: string;
  name: string;
  queue: string;
  args: Py[];
  kwargs: Record<string, Py>;
  rootId: string;
  parentId: string | null;
  result: string | number | Record<string, Py>;
}

/** Arguments and results as generator/celery-task.ts's catalogue makes them, from the hash instead of an RNG. */
export function celeryTask(t: number): CeleryTask {
  const h = mix(t);
  const id = celeryTaskId(t);
  // The second task of each cycle of four is a child of the first (root_id, parent_id), as a chain's step.
  const child = t % 4 === 1;
  const lineage = { id, rootId: child ? celeryTaskId(t - 1) : id, parentId: child ? celeryTaskId(t - 1) : null };
  const name = celeryTaskName(t);
  switch (name) {
    case 'proj.tasks.add':
      return { t, ...lineage, name, queue: 'celery', args: [h % 999, (h >>> 10) % 999], kwargs: {}, result: (h % 999) + ((h >>> 10) % 999) };
    case 'proj.email.send_welcome':
      return { t, ...lineage, name, queue: 'email', args: [1000 + (h % 90000)], kwargs: { locale: ['en', 'de', 'fr', 'es'][h % 4] ?? 'en', template: h & 16 ? 'welcome_v2' : 'welcome_v3_beta' }, result: { sent: true, provider_message_id: `<${hex(mix(h), 8)}${hex(t, 8)}@mail.example.com>` } };
    case 'proj.reports.generate':
      return { t, ...lineage, name, queue: 'celery', args: [['sales', 'churn', 'inventory', 'refunds'][h % 4] ?? 'sales', `2024-${String(1 + (h % 12)).padStart(2, '0')}`], kwargs: { format: ['pdf', 'csv', 'xlsx'][h % 3] ?? 'pdf', requested_by: 1000 + (h % 90000) }, result: { report_id: `rep_${hex(mix(h), 10)}`, rows: 10 + (h % 50000), url: 's3://reports/sales/2024-01.pdf' } };
    case 'proj.billing.charge':
      return { t, ...lineage, name, queue: 'celery', args: [`cus_${hex(mix(h), 8)}${hex(t, 6)}`, 100 + (h % 250000)], kwargs: { currency: ['EUR', 'USD', 'GBP'][h % 3] ?? 'EUR', idempotency_key: `${hex(mix(h + 1), 8)}${hex(mix(h + 2), 8)}${hex(mix(h + 3), 8)}${hex(mix(h + 4), 8)}` }, result: { charge_id: `ch_${hex(mix(h + 5), 8)}${hex(t, 12)}`, status: 'captured' } };
    default:
      return { t, ...lineage, name, queue: 'email', args: [`ord_${hex(mix(h), 6)}${hex(t, 6)}`], kwargs: { email: `customer${h % 9999}@example.com`, attach_pdf: (h & 1) === 1 }, result: { sent: true, provider_message_id: `<${hex(mix(h), 8)}${hex(t, 8)}@mail.example.com>` } };
  }
}
