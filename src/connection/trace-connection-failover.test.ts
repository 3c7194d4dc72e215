import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBroker, RecordingListeners, type FakeStompSocket } from './fake-stomp-broker.ts';
import { CONNECT_TIMEOUT_MS, RECONNECT_INITIAL_MS } from './broker-rotation.ts';
import { TraceConnection } from './trace-connection.ts';
import { STREAM_REFUSAL_RETRY_MS } from './stream-reading.ts';

const NODES = ['ws://127.0.0.1:15674/ws', 'ws://127.0.0.1:15684/ws', 'ws://127.0.0.1:15694/ws'];
const params = (brokers: string[]) => ({ brokers, vhost: '/', login: 'tracer', passcode: 'secret' });
const A = '/exchange/app.events/#';
const C = '/topic/orders.#';

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('TraceConnection over several broker URLs', () => {
  let broker: FakeBroker;
  let listeners: RecordingListeners;
  let connection: TraceConnection;

  beforeEach(() => {
    vi.useFakeTimers();
    broker = new FakeBroker();
    listeners = new RecordingListeners();
    connection = new TraceConnection(params(NODES), listeners, { socketFactory: broker.factory });
  });

  afterEach(async () => {
    const closing = connection.close();
    await settle();
    await closing;
    vi.useRealTimers();
  });

  const connectLast = () => broker.openLast(settle);

  async function confirmAll(socket: FakeStompSocket, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const frame = socket.framesOf('SUBSCRIBE')[i];
      if (!frame?.headers.receipt) throw new Error(`no SUBSCRIBE #${i}`);
      socket.receipt(frame.headers.receipt);
      await settle();
    }
  }

  const urls = () => broker.sockets.map((s) => s.url);
  const delays = () => broker.sockets.slice(1).map((s, i) => s.createdAt - broker.sockets[i]!.createdAt);

  it('tries the URLs round robin while none answers, doubling the delay once per full round', async () => {
    broker.onSocket = (socket) => void Promise.resolve().then(() => socket.serverClose(1006));
    connection.open();
    await vi.advanceTimersByTimeAsync(3 * 500 + 3 * 1_000 + 2_000 - 1);
    expect(urls()).toEqual([...NODES, ...NODES, NODES[0]]);
    expect(delays()).toEqual([500, 500, 500, 1_000, 1_000, 1_000]);
    // Each status names the node tried next.
    expect(listeners.brokers.slice(0, 4)).toEqual([
      { url: NODES[0], index: 0, count: 3 },
      { url: NODES[1], index: 1, count: 3 },
      { url: NODES[2], index: 2, count: 3 },
      { url: NODES[0], index: 0, count: 3 },
    ]);
    expect(listeners.statuses.slice(1).every(([s, d]) => s === 'connecting' && d.startsWith('cannot connect (WebSocket close code 1006'))).toBe(true);
  });

  it('a lost node is replaced by the next one after the initial delay, whatever the backoff had grown to, and every subscription comes back there', async () => {
    connection.subscribe('a', A, { durable: true });
    connection.subscribe('c', C, { durable: false });
    // A long outage first: the backoff grows to its cap.
    broker.onSocket = (socket) => void Promise.resolve().then(() => socket.serverClose(1006));
    connection.open();
    await vi.advanceTimersByTimeAsync(3 * 500 + 3 * 1_000 + 3 * 2_000);
    broker.onSocket = () => {};
    await vi.advanceTimersByTimeAsync(4_000);
    const first = await connectLast();
    expect(first.url).toBe(NODES[1]);
    await confirmAll(first, 2);
    expect(listeners.statuses.at(-1)).toEqual(['connected', '']);
    expect(listeners.brokers.at(-1)).toEqual({ url: NODES[1], index: 1, count: 3 });

    // kill -9 of that node: the next attempt goes to the next URL, 500 ms later.
    const lostAt = Date.now();
    first.serverClose(1006);
    expect(listeners.statuses.at(-1)![1]).toMatch(/^connection lost \(WebSocket close code 1006: .*\); reconnecting$/);
    expect(listeners.brokers.at(-1)).toEqual({ url: NODES[2], index: 2, count: 3 });
    await vi.advanceTimersByTimeAsync(RECONNECT_INITIAL_MS);
    const second = await connectLast();
    expect(second.url).toBe(NODES[2]);
    expect(second.createdAt - lostAt).toBe(RECONNECT_INITIAL_MS);
    await confirmAll(second, 2);
    // Resubscribed there: the same durable queue (a quorum queue, which outlived the node), the same destinations.
    const before = first.framesOf('SUBSCRIBE').map((f) => f.headers);
    const after = second.framesOf('SUBSCRIBE').map((f) => f.headers);
    expect(after.map((h) => [h.id, h.destination, h['x-queue-name']])).toEqual(before.map((h) => [h.id, h.destination, h['x-queue-name']]));
    expect(listeners.active).toEqual(['a', 'c', 'a', 'c']);
    expect(listeners.brokers.at(-1)).toEqual({ url: NODES[2], index: 2, count: 3 });
  });

  it('declares durable capture queues as quorum queues, named apart from classic ones', async () => {
    connection.subscribe('a', A, { durable: true });
    connection.open();
    const socket = await connectLast();
    const headers = socket.framesOf('SUBSCRIBE')[0]!.headers;
    expect(headers).toMatchObject({ 'x-queue-type': 'quorum', durable: 'true', 'auto-delete': 'false', ack: 'client', 'x-expires': '60000' });
    expect(headers['x-queue-name']).toMatch(/^stomp-subscription-warren-q-[0-9a-f]{12}-[0-9a-f]{8}$/);
  });

  it('with one URL, durable capture stays a classic queue (as before clusters)', async () => {
    const single = new TraceConnection(params([NODES[0]!]), new RecordingListeners(), { socketFactory: broker.factory });
    single.subscribe('a', A, { durable: true });
    single.open();
    const socket = await connectLast();
    const headers = socket.framesOf('SUBSCRIBE')[0]!.headers;
    expect(headers).not.toHaveProperty('x-queue-type');
    expect(headers['x-queue-name']).toMatch(/^stomp-subscription-warren-[0-9a-f]{12}-[0-9a-f]{8}$/);
    const closing = single.close();
    await settle();
    await closing;
  });

  it('gives up an attempt that hangs for CONNECT_TIMEOUT_MS and tries the next node', async () => {
    connection.open();
    await settle();
    expect(urls()).toEqual([NODES[0]]); // never opens
    await vi.advanceTimersByTimeAsync(CONNECT_TIMEOUT_MS + RECONNECT_INITIAL_MS);
    expect(urls()).toEqual([NODES[0], NODES[1]]);
    const socket = await connectLast();
    expect(socket.url).toBe(NODES[1]);
    expect(listeners.statuses.at(-1)).toEqual(['connected', '']);
  });

  it('stops on a refused login even with nodes left untried: they share users and vhosts', async () => {
    broker.answerConnect = false;
    connection.open();
    const socket = await connectLast();
    socket.deliver("ERROR\nmessage:Bad CONNECT\ncontent-type:text/plain\n\nAccess refused for user 'tracer'\0");
    await settle();
    socket.serverClose(1000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(urls()).toEqual([NODES[0]]);
    expect(listeners.statuses.map(([s]) => s)).toEqual(['connecting', 'error']);
    expect(listeners.brokers.at(-1)).toEqual({ url: NODES[0], index: 0, count: 3 });
  });

  describe('a history stream read refused by a node', () => {
    const STREAM = '/amq/queue/warren.history.app.events';
    /** RabbitMQ 3.10.8 refuses a stream read on a node without a running replica by closing the socket, no ERROR frame. */
    async function refuseStreamRead(socket: FakeStompSocket): Promise<void> {
      expect(socket.framesOf('SUBSCRIBE').at(-1)?.headers.destination).toBe(STREAM);
      socket.serverClose(1000, 'STOMP died');
      await settle();
    }

    it('is tried on the next node, where it reads on (a replica is running there)', async () => {
      connection.subscribe('h', STREAM, { durable: false, stream: { offset: 'first' } });
      connection.open();
      await refuseStreamRead(await connectLast());
      expect(listeners.failed).toEqual([]);
      expect(listeners.statuses.at(-1)?.[1]).toContain('no running replica of the history stream');
      await vi.advanceTimersByTimeAsync(RECONNECT_INITIAL_MS);
      const second = await connectLast();
      expect(second.url).toBe(NODES[1]);
      expect(second.framesOf('SUBSCRIBE')[0]?.headers).toMatchObject({ destination: STREAM, 'x-stream-offset': 'first' });
      await confirmAll(second, 1);
      expect(listeners.active).toEqual(['h']);
      expect(listeners.failed).toEqual([]);
    });

    it(`gives up after ${STREAM_REFUSAL_RETRY_MS / 1000} s of refusals on every node, naming what a stream refusal can mean`, async () => {
      connection.subscribe('h', STREAM, { durable: false, stream: { offset: 'first' } });
      connection.open();
      const started = Date.now();
      while (listeners.failed.length === 0 && Date.now() - started < 2 * STREAM_REFUSAL_RETRY_MS) {
        await refuseStreamRead(await connectLast());
        await vi.advanceTimersByTimeAsync(4_000);
      }
      expect(listeners.failed.map(([id]) => id)).toEqual(['h']);
      expect(listeners.failed[0]?.[1]).toMatch(/read of a history stream .*does not exist on the mirror.*no node had a running replica of it for 30 s/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(STREAM_REFUSAL_RETRY_MS);
      expect(new Set(urls())).toEqual(new Set(NODES));
      // The connection goes on without it.
      const socket = await connectLast();
      expect(socket.framesOf('SUBSCRIBE')).toEqual([]);
    });

    it('a live subscription refused is not retried: only a stream has a replica that may be starting', async () => {
      connection.subscribe('a', A);
      connection.open();
      const socket = await connectLast();
      socket.serverClose(1000);
      await settle();
      expect(listeners.failed.map(([id]) => id)).toEqual(['a']);
    });
  });
});
