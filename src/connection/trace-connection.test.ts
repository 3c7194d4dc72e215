import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBroker, FakeStompSocket, RecordingListeners } from './fake-stomp-broker.ts';
import { StompSocketState } from '@stomp/stompjs';
import { RECONNECT_INITIAL_MS, RECONNECT_MAX_MS, TraceConnection } from './trace-connection.ts';

const PARAMS = { brokers: ['ws://mirror.test:15674/ws'], vhost: '/', login: 'tracer', passcode: 'secret' };
const A = '/exchange/app.events/#';
const B = '/exchange/missing/#';
const C = '/topic/orders.#';

/** Lets pending promise callbacks (stompjs's `await beforeConnect`, the fake broker's answers) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('TraceConnection', () => {
  let broker: FakeBroker;
  let listeners: RecordingListeners;
  let connection: TraceConnection;

  beforeEach(() => {
    vi.useFakeTimers();
    broker = new FakeBroker();
    listeners = new RecordingListeners();
    connection = new TraceConnection(PARAMS, listeners, { socketFactory: broker.factory });
  });

  afterEach(async () => {
    const closing = connection.close();
    await settle();
    await closing;
    vi.useRealTimers();
  });

  const connectLast = () => broker.openLast(settle);

  /** Answers the SUBSCRIBE for `id` on `socket` with its RECEIPT. */
  async function confirm(socket: FakeStompSocket, id: string): Promise<void> {
    const frame = socket.framesOf('SUBSCRIBE').find((f) => f.headers.id === id);
    if (!frame?.headers.receipt) throw new Error(`no SUBSCRIBE with a receipt for ${id}`);
    socket.receipt(frame.headers.receipt);
    await settle();
  }

  const subscribedIds = (socket: FakeStompSocket) => socket.framesOf('SUBSCRIBE').map((f) => f.headers.id);

  describe('reconnect backoff', () => {
    it('doubles the delay between sockets from RECONNECT_INITIAL_MS up to RECONNECT_MAX_MS while the mirror is unreachable', async () => {
      expect([RECONNECT_INITIAL_MS, RECONNECT_MAX_MS]).toEqual([500, 4_000]);
      broker.onSocket = (socket) => void Promise.resolve().then(() => socket.serverClose(1006));
      connection.open();
      await settle();
      expect(broker.sockets).toHaveLength(1);
      expect(broker.sockets[0]!.url).toBe(PARAMS.brokers[0]);
      expect(broker.sockets[0]!.protocols).toEqual(['v12.stomp', 'v11.stomp', 'v10.stomp']);

      await vi.advanceTimersByTimeAsync(500 + 1_000 + 2_000 + 4_000 + 4_000 + 4_000 - 1);
      expect(broker.sockets).toHaveLength(6);
      await vi.advanceTimersByTimeAsync(1);
      expect(broker.sockets).toHaveLength(7);

      const created = broker.sockets.map((s) => s.createdAt);
      const delays = created.slice(1).map((t, i) => t - created[i]!);
      expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);

      expect(listeners.statuses[0]).toEqual(['connecting', '']);
      const retries = listeners.statuses.slice(1);
      expect(retries).toHaveLength(7); // one per closed socket
      for (const [status, detail] of retries) {
        expect(status).toBe('connecting');
        expect(detail).toMatch(/^cannot connect \(WebSocket close code 1006: .*\); reconnecting$/);
      }
      expect(listeners.failed).toEqual([]);
    });

    it('also backs off when each socket opens and then closes before CONNECTED, and starts again at RECONNECT_INITIAL_MS after a successful connection', async () => {
      broker.answerConnect = false;
      broker.onSocket = (socket) =>
        void Promise.resolve().then(() => {
          socket.open();
          socket.serverClose(1011, 'internal error');
        });
      connection.open();
      await vi.advanceTimersByTimeAsync(500 + 1_000 + 2_000);
      expect(broker.sockets).toHaveLength(4);
      expect(broker.sockets.every((s) => s.framesOf('CONNECT').length === 1)).toBe(true);
      expect(listeners.statuses.at(-1)).toEqual(['connecting', 'cannot connect (WebSocket close code 1011: the server hit an internal error (internal error)); reconnecting']);

      // The mirror is back: the socket due after 4000 ms connects.
      broker.answerConnect = true;
      broker.onSocket = () => {};
      await vi.advanceTimersByTimeAsync(4_000);
      expect(broker.sockets).toHaveLength(5);
      await connectLast();
      expect(listeners.statuses.at(-1)).toEqual(['connected', '']);

      // Lost again: the first retry comes RECONNECT_INITIAL_MS later, not 4000 ms.
      const lostAt = Date.now();
      broker.last.serverClose(1006);
      expect(listeners.statuses.at(-1)![1]).toMatch(/^connection lost \(WebSocket close code 1006: .*\); reconnecting$/);
      await vi.advanceTimersByTimeAsync(499);
      expect(broker.sockets).toHaveLength(5);
      await vi.advanceTimersByTimeAsync(1);
      expect(broker.sockets).toHaveLength(6);
      expect(broker.last.createdAt - lostAt).toBe(RECONNECT_INITIAL_MS);
    });
  });

  describe('refused subscriptions', () => {
    beforeEach(() => {
      connection.subscribe('a', A);
      connection.subscribe('b', B);
      connection.subscribe('c', C);
    });

    it('sends one SUBSCRIBE at a time, each after the previous RECEIPT', async () => {
      connection.open();
      const socket = await connectLast();
      const connect = socket.framesOf('CONNECT')[0]!;
      expect(connect.headers).toMatchObject({ login: 'tracer', passcode: 'secret', host: '/', 'accept-version': '1.2,1.1,1.0' });
      expect(subscribedIds(socket)).toEqual(['a']);
      const first = socket.framesOf('SUBSCRIBE')[0]!;
      expect(first.headers).toMatchObject({ id: 'a', destination: A });
      expect(first.headers.receipt).toMatch(/^subscribed-a-\d+$/);

      await vi.advanceTimersByTimeAsync(5_000); // no RECEIPT: nothing more goes out
      expect(subscribedIds(socket)).toEqual(['a']);
      await confirm(socket, 'a');
      expect(subscribedIds(socket)).toEqual(['a', 'b']);
      await confirm(socket, 'b');
      expect(subscribedIds(socket)).toEqual(['a', 'b', 'c']);
      // Added while c awaits its receipt: queued behind it.
      connection.subscribe('d', '/topic/#');
      expect(subscribedIds(socket)).toEqual(['a', 'b', 'c']);
      await confirm(socket, 'c');
      expect(subscribedIds(socket)).toEqual(['a', 'b', 'c', 'd']);
      await confirm(socket, 'd');
      // Added with nothing in flight: sent at once.
      connection.subscribe('e', '/topic/e.#');
      expect(subscribedIds(socket)).toEqual(['a', 'b', 'c', 'd', 'e']);
      await confirm(socket, 'e');
      expect(listeners.active).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(listeners.failed).toEqual([]);
    });

    it('blames the SUBSCRIBE in flight when the broker closes with 1000, and leaves it out of the reconnect', async () => {
      connection.open();
      const first = await connectLast();
      await confirm(first, 'a');
      expect(subscribedIds(first)).toEqual(['a', 'b']); // b awaits its receipt
      first.serverClose(1000, 'STOMP died');

      expect(listeners.failed).toHaveLength(1);
      const [failedId, reason] = listeners.failed[0]!;
      expect(failedId).toBe('b');
      expect(reason).toContain('the broker closed the connection in answer to this SUBSCRIBE (WebSocket close code 1000: closed normally (STOMP died))');
      expect(reason).toContain('the exchange does not exist on the mirror');
      expect(listeners.statuses.at(-1)).toEqual(['connecting', `connection lost (the broker refused ${B}); reconnecting`]);

      await vi.advanceTimersByTimeAsync(RECONNECT_INITIAL_MS);
      expect(broker.sockets).toHaveLength(2);
      const second = await connectLast();
      expect(subscribedIds(second)).toEqual(['a']);
      await confirm(second, 'a');
      expect(subscribedIds(second)).toEqual(['a', 'c']); // b is not sent again
      await confirm(second, 'c');
      expect(second.framesOf('SUBSCRIBE').map((f) => f.headers.destination)).toEqual([A, C]);
      expect(listeners.active).toEqual(['a', 'a', 'c']);
      expect(listeners.failed.map(([id]) => id)).toEqual(['b']);

      // A later drop of the network still leaves b out.
      second.serverClose(1006);
      await vi.advanceTimersByTimeAsync(RECONNECT_INITIAL_MS);
      const third = await connectLast();
      await confirm(third, 'a');
      await confirm(third, 'c');
      expect(subscribedIds(third)).toEqual(['a', 'c']);
      expect(listeners.failed.map(([id]) => id)).toEqual(['b']);
    });

    it('blames the SUBSCRIBE in flight when an ERROR frame arrives, with the ERROR as the reason', async () => {
      connection.open();
      const first = await connectLast();
      await confirm(first, 'a');
      first.deliver("ERROR\nmessage:not_found\ncontent-type:text/plain\n\nNOT_FOUND - no exchange 'missing' in vhost '/'\0");
      await settle();
      expect(listeners.failed).toEqual([]); // blamed when the connection ends
      first.serverClose(1006); // whatever the close code, the ERROR decides

      expect(listeners.failed).toEqual([
        ['b', "not_found: NOT_FOUND - no exchange 'missing' in vhost '/' (the exchange does not exist on the mirror: declare it there, or check the shovel)"],
      ]);
      expect(listeners.statuses.at(-1)).toEqual(['connecting', `connection lost (the broker refused ${B}); reconnecting`]);

      await vi.advanceTimersByTimeAsync(RECONNECT_INITIAL_MS);
      const second = await connectLast();
      await confirm(second, 'a');
      await confirm(second, 'c');
      expect(subscribedIds(second)).toEqual(['a', 'c']);
      expect(listeners.active).toEqual(['a', 'a', 'c']);
    });

    it('blames nobody when the socket drops with 1006 while a SUBSCRIBE is in flight', async () => {
      connection.open();
      const first = await connectLast();
      await confirm(first, 'a');
      expect(subscribedIds(first)).toEqual(['a', 'b']);
      first.serverClose(1006);

      expect(listeners.failed).toEqual([]);
      expect(listeners.statuses.at(-1)![1]).toMatch(/^connection lost \(WebSocket close code 1006: .*\); reconnecting$/);

      await vi.advanceTimersByTimeAsync(RECONNECT_INITIAL_MS);
      const second = await connectLast();
      await confirm(second, 'a');
      await confirm(second, 'b');
      await confirm(second, 'c');
      expect(subscribedIds(second)).toEqual(['a', 'b', 'c']);
      expect(listeners.active).toEqual(['a', 'a', 'b', 'c']);
      expect(listeners.failed).toEqual([]);
    });
  });

  it('stops on an ERROR before CONNECTED (bad login) instead of reconnecting in a loop', async () => {
    broker.answerConnect = false;
    connection.open();
    const socket = await connectLast();
    expect(socket.framesOf('CONNECT')).toHaveLength(1);
    socket.deliver("ERROR\nmessage:Bad CONNECT\ncontent-type:text/plain\n\nAccess refused for user 'tracer'\0");
    await settle();
    socket.serverClose(1000); // the broker hangs up too

    const [status, detail] = listeners.statuses.at(-1)!;
    expect(status).toBe('error');
    // RabbitMQ's own words for a wrong login (rabbit_stomp_processor): message "Bad CONNECT", body "Access refused for user '<login>'".
    expect(detail).toContain("Bad CONNECT: Access refused for user 'tracer'");
    expect(listeners.statuses.map(([s]) => s)).toEqual(['connecting', 'error']);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(broker.sockets).toHaveLength(1);
    expect(socket.readyState).toBe(StompSocketState.CLOSED);
    expect(listeners.statuses.map(([s]) => s)).toEqual(['connecting', 'error']);
  });

  it('unsubscribe of a pending subscription takes it out of the send queue', async () => {
    connection.subscribe('a', A);
    connection.subscribe('b', B);
    connection.subscribe('c', C);
    connection.open();
    const first = await connectLast();
    expect(subscribedIds(first)).toEqual(['a']); // b and c wait behind a
    connection.unsubscribe('b');
    await confirm(first, 'a');
    expect(subscribedIds(first)).toEqual(['a', 'c']);
    await confirm(first, 'c');
    expect(first.framesOf('UNSUBSCRIBE')).toEqual([]); // b never reached the broker
    expect(listeners.active).toEqual(['a', 'c']);

    // Nor does it come back with a reconnect.
    first.serverClose(1006);
    await vi.advanceTimersByTimeAsync(RECONNECT_INITIAL_MS);
    const second = await connectLast();
    await confirm(second, 'a');
    await confirm(second, 'c');
    expect(subscribedIds(second)).toEqual(['a', 'c']);
    expect(listeners.failed).toEqual([]);
  });

  it('reads a stream with a STOMP id of its own per SUBSCRIBE, acks it, and resumes after a reconnect at the offset after the last message', async () => {
    const stream = '/amq/queue/warren.history.app.events';
    connection.subscribe('h', stream, { durable: false, stream: { offset: 'timestamp=1796300000' } });
    connection.open();
    const first = await connectLast();
    expect(first.framesOf('SUBSCRIBE')[0]?.headers).toMatchObject({ id: 'h~1', ack: 'client', 'prefetch-count': '2000', 'x-stream-offset': 'timestamp=1796300000' });
    await confirm(first, 'h~1');
    expect(listeners.active).toEqual(['h']);
    for (const offset of [40, 41, 42]) {
      first.deliver(`MESSAGE\nsubscription:h~1\ndestination:/exchange/app.events/k\nmessage-id:m${offset}\nack:a${offset}\nx-stream-offset:${offset}\n\n{}\0`);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(listeners.messages).toEqual([['h', 'm40'], ['h', 'm41'], ['h', 'm42']]);
    // One cumulative ack: the broker's credit for the next messages.
    expect(first.framesOf('ACK').map((f) => f.headers.id)).toEqual(['a42']);

    first.serverClose(1006);
    await vi.advanceTimersByTimeAsync(RECONNECT_INITIAL_MS);
    const second = await connectLast();
    // Nothing twice, nothing missed: on from 43, under a new id.
    expect(second.framesOf('SUBSCRIBE')[0]?.headers).toMatchObject({ id: 'h~2', 'x-stream-offset': '43' });
  });
});
