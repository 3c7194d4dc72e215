/**
 * Conversations on the real stack: messages published on the ORIGIN with
 * known ids, through the real shovels, linked on the page. Each test uses its
 * own routing keys and ids, so `npm start`'s traffic never changes a count.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './support/test.ts';
import { buildCeleryTask } from '../generator/celery-task.ts';
import { buildTaskSentEvent, createClientEventSource } from '../generator/client-events.ts';
import { int64, type OutgoingMessage } from '../generator/message.ts';
import { runGeneratorScript } from './support/generator-processes.ts';
import { applyFilter, openDashboard } from './support/page.ts';
import { numbered, runId, withOriginPublisher } from './support/origin.ts';

/** The request and reply of a non-Celery RPC call, as a service and its client publish them. */
function rpcRequest(seq: number, routingKey: string, correlationId: string, replyTo: string): OutgoingMessage {
  const m = numbered(seq, { exchange: 'app.events', routingKey, body: JSON.stringify({ sku: 'A-1', qty: 2 }) });
  return { ...m, options: { ...m.options, correlationId, replyTo } };
}

function rpcReply(seq: number, replyTo: string, correlationId: string): OutgoingMessage {
  const m = numbered(seq, { exchange: 'celery.replies', routingKey: replyTo, body: JSON.stringify({ price_cents: 1299 }) });
  return { ...m, options: { ...m.options, correlationId } };
}

/** A Celery protocol v2 task message as a client sends it through a named exchange. */
function celeryTask(seq: number, queue: string, name: string, id: string, rootId: string, parentId: string | null): OutgoingMessage {
  const m = numbered(seq, { exchange: 'celery', routingKey: queue, body: JSON.stringify([[], {}, { callbacks: null, errbacks: null, chain: null, chord: null }]) });
  const headers = { ...m.options.headers, lang: 'py', task: name, id, root_id: rootId, retries: int64(0), argsrepr: '()', kwargsrepr: '{}' };
  return { ...m, options: { ...m.options, headers: parentId === null ? headers : { ...headers, parent_id: parentId }, correlationId: id, contentEncoding: 'utf-8' } };
}

async function selectMessageByFilter(page: Page, filter: string, index = 0): Promise<void> {
  await applyFilter(page, filter);
  await page.getByTestId('message-row').nth(index).click();
  await expect(page.getByTestId('inspector-conversation')).toBeVisible();
}

test('a reply published before its request still pairs with it; a request with no reply times out', async ({ page }) => {
  const run = runId();
  const replyQueue = `${run}-client`;
  const key = `${run}.rpc.quote`;
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`, `/exchange/celery.replies/${replyQueue}`] });
  const [early, late, unanswered] = [randomUUID(), randomUUID(), randomUUID()];
  await withOriginPublisher(async (publisher) => {
    await publisher.publish(rpcReply(1, replyQueue, early));
    await publisher.waitForConfirms();
    // Seen on the page first: it waits as "request not seen" until its request comes.
    await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '1');
    await publisher.publish(rpcRequest(2, key, early, replyQueue));
    await publisher.publish(rpcRequest(3, key, late, replyQueue));
    await publisher.publish(rpcReply(4, replyQueue, late));
    await publisher.publish(rpcRequest(5, key, unanswered, replyQueue));
    await publisher.waitForConfirms();
  });
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '5');

  await selectMessageByFilter(page, `conv:${early}`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('conversation-state')).toHaveAttribute('data-state', 'replied');
  await expect(page.getByTestId('conversation-state')).toContainText('before its request');
  const steps = page.getByTestId('conversation-step');
  await expect(steps).toHaveCount(2);
  expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['reply', 'request']);

  await selectMessageByFilter(page, `conv:${unanswered}`);
  await expect(page.getByTestId('conversation-state')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('conversation-step')).toHaveCount(1);
  await expect(page.getByTestId('conversation-step').first()).toHaveAttribute('data-kind', 'request');
  // With a 1 s timeout (set in the requests view), the open conversation turns timed out by itself.
  await page.getByTestId('requests-tab').click();
  await page.getByTestId('requests-timeout-input').fill('1');
  await page.getByTestId('requests-timeout-input').press('Enter');
  await expect(page.getByTestId('conversation-state')).toHaveAttribute('data-state', 'timed-out');
  const row = page.locator(`[data-testid="requests-row"][data-name="${key}"]`);
  await expect(row.getByTestId('requests-count')).toHaveAttribute('data-value', '3');
  await expect(row.getByTestId('requests-replied')).toHaveAttribute('data-value', '2');
  await expect(row.getByTestId('requests-timed-out')).toHaveAttribute('data-value', '1');
});

test('a Celery workflow (a root task, its children and a grandchild) shows as a tree', async ({ page }) => {
  const run = runId();
  const queue = `${run}-flow`;
  await openDashboard(page, { subscriptions: [`/exchange/celery/${queue}`] });
  const [root, a, b, grandchild] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await withOriginPublisher(async (publisher) => {
    await publisher.publish(celeryTask(1, queue, 'proj.flow.start', root, root, null));
    await publisher.publish(celeryTask(2, queue, 'proj.flow.fetch', a, root, root));
    await publisher.publish(celeryTask(3, queue, 'proj.flow.parse', b, root, root));
    await publisher.publish(celeryTask(4, queue, 'proj.flow.store', grandchild, root, a));
    await publisher.waitForConfirms();
  });
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '4');
  await selectMessageByFilter(page, `conv:${grandchild}`);
  const tree = page.getByTestId('conversation-workflow');
  await expect(tree.getByTestId('workflow-task')).toHaveCount(4);
  const rootNode = tree.locator(`[data-testid="workflow-task"][data-id="${root}"]`);
  await expect(rootNode.locator(':scope > ul > [data-testid="workflow-task"]')).toHaveCount(2);
  await expect(rootNode.locator(`[data-id="${a}"] > ul > [data-id="${grandchild}"]`)).toHaveCount(1);
  await expect(tree.locator(`[data-id="${grandchild}"] > button`)).toHaveAttribute('aria-current', 'true');
  // Clicking a task selects its message.
  await tree.locator(`[data-id="${root}"] > button`).click();
  await expect(page.getByTestId('inspector')).toContainText('proj.flow.start');
  await expect(page.getByTestId('inspector').locator('h2')).toHaveText('Message #1');
  // task: with * or # is a topic pattern over the task names.
  await applyFilter(page, 'task:proj.flow.*');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '4');
  await applyFilter(page, 'task:#.store');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('message-row')).toHaveAttribute('data-seq', '4');
});

test('a real worker: each task shows its request, its four events and its reply; the requests view counts exactly', async ({ page }) => {
  test.setTimeout(120_000);
  const run = runId();
  const queue = run;
  const replyQueue = `${run}-client`;
  const worker = runGeneratorScript('worker', ['--queue', queue, '--hostname', `${queue}@test`, '--fail-rate', '0', '--quiet']);
  try {
    await worker.waitForLine(/consuming/);
    const params = new URLSearchParams({ requests: '1' });
    for (const sub of [`/exchange/celery/${queue}`, '/exchange/celeryev/task.#', `/exchange/celery.replies/${replyQueue}`]) params.append('sub', sub);
    await page.goto(`/?${params}`);
    await expect(page.getByTestId('connection-status')).toContainText('connected');
    await expect(page.locator('[data-testid="subscription-list"] li[data-state="active"]')).toHaveCount(3);

    // 12 tasks that sleep exactly 1 s (long beside the shovels' lag), and 3 whose reply (and end) the worker drops.
    const runtimeMs = 1000;
    const answered = Array.from({ length: 12 }, () => randomUUID());
    const dropped = Array.from({ length: 3 }, () => randomUUID());
    const client = createClientEventSource(`gen${process.pid}@e2e`, process.pid);
    await withOriginPublisher(async (publisher) => {
      let seq = 0;
      for (const id of [...answered, ...dropped]) {
        const input = {
          seq: ++seq,
          spec: { name: 'warren.sleep', queue, args: [runtimeMs], kwargs: {} },
          lineage: { id, rootId: id, parentId: null, groupId: null, groupIndex: null, retries: 0 },
          replyTo: replyQueue,
          origin: `gen${process.pid}@e2e`,
          eta: null,
          expires: null,
          timeLimit: [null, null] as [null, null],
          dropReply: dropped.includes(id),
        };
        const task = buildCeleryTask(input);
        await publisher.publish(task);
        await publisher.publish(buildTaskSentEvent(input, task, client, Date.now()));
      }
      await publisher.waitForConfirms();
    });

    const row = page.locator('[data-testid="requests-row"][data-name="warren.sleep"]');
    await expect(row.getByTestId('requests-count')).toHaveAttribute('data-value', '15');
    await expect(row.getByTestId('requests-replied')).toHaveAttribute('data-value', '12', { timeout: 30_000 });
    await expect(row.getByTestId('requests-pending')).toHaveAttribute('data-value', '3');
    // The worker runs up to 10 tasks at once (its prefetch), so the median task does not queue:
    // p50 is the runtime, give or take how much later the request's shovel delivered than the
    // answer's (request, events and reply each travel through their exchange's own shovel;
    // a loaded 2-core CI box was seen at 277 ms).
    const shovelLagMs = 600;
    const p50 = Number(await row.getByTestId('requests-p50').getAttribute('data-value'));
    expect(Math.abs(p50 - runtimeMs)).toBeLessThan(shovelLagMs);
    const runtimeP50 = Number(await row.getByTestId('requests-runtime-p50').getAttribute('data-value'));
    expect(Math.abs(runtimeP50 - runtimeMs)).toBeLessThan(60);

    // The dropped ones time out, exactly those.
    await page.getByTestId('requests-timeout-input').fill('3');
    await page.getByTestId('requests-timeout-input').press('Enter');
    await expect(row.getByTestId('requests-timed-out')).toHaveAttribute('data-value', '3', { timeout: 10_000 });
    await expect(row.getByTestId('requests-pending')).toHaveAttribute('data-value', '0');
    // A click on that count lists them (their task messages, task-sent and task-received/started events); of the tasks, exactly those 3.
    await row.getByTestId('requests-show-timed-out').click();
    await expect(page.getByTestId('filter-input')).toHaveValue('task:warren.sleep state:timed-out');
    await applyFilter(page, 'task:warren.sleep state:timed-out exchange:celery');
    await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '3');

    // One task's whole life, in the inspector.
    await selectMessageByFilter(page, `conv:${answered[5]}`);
    const steps = page.getByTestId('conversation-step');
    await expect(steps).toHaveCount(6);
    const kinds = await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect([...kinds].sort()).toEqual(['other', 'reply', 'request', 'task-received', 'task-started', 'task-succeeded']);
    // The request, the events and the reply each travel through their exchange's own shovel, so the
    // request may even arrive after task-received (the worker reads the origin directly); the
    // worker's own events come in its order.
    expect(kinds.indexOf('task-received')).toBeLessThan(kinds.indexOf('task-started'));
    expect(kinds.indexOf('task-started')).toBeLessThan(kinds.indexOf('task-succeeded'));
    await expect(page.getByTestId('conversation-state')).toHaveAttribute('data-state', 'replied');
    // Clicking a step selects that message.
    const succeeded = steps.and(page.locator('[data-kind="task-succeeded"]'));
    const seq = await succeeded.getAttribute('data-seq');
    await succeeded.locator('button').click();
    await expect(page.getByTestId('inspector').locator('h2')).toHaveText(`Message #${seq}`);

    await selectMessageByFilter(page, `conv:${dropped[0]}`);
    await expect(page.getByTestId('conversation-state')).toHaveAttribute('data-state', 'timed-out');
    expect((await page.getByTestId('conversation-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).sort()).toEqual([
      'other',
      'request',
      'task-received',
      'task-started',
    ]);
  } finally {
    await worker.stop();
  }
});
