import { describe, expect, it, vi } from 'vitest';
import { ShovelWatchdog, watchShovels, type ShovelSample } from './shovel-watchdog.ts';

const sample = (acked: number, backlog: number, state = 'running'): ShovelSample[] => [{ name: 'warren-app.events', state, backlog, acked }];

describe('ShovelWatchdog', () => {
  it('restarts a running shovel whose acks stopped while messages wait, once per cooldown', () => {
    const w = new ShovelWatchdog(15_000, 60_000);
    expect(w.check(sample(100, 500), 0)).toEqual([]);
    expect(w.check(sample(100, 900), 14_999)).toEqual([]);
    expect(w.check(sample(100, 1200), 15_000)).toEqual(['warren-app.events']);
    // Still stuck right after: not restarted again within the cooldown.
    expect(w.check(sample(100, 1500), 40_000)).toEqual([]);
    expect(w.check(sample(100, 1500), 75_000)).toEqual(['warren-app.events']);
  });

  it('leaves alone a shovel that moves, one with nothing to move, and one RabbitMQ is reconnecting', () => {
    const w = new ShovelWatchdog(15_000, 60_000);
    for (let t = 0, acked = 0; t <= 60_000; t += 5_000, acked += 10) expect(w.check(sample(acked, 800), t)).toEqual([]);
    const idle = new ShovelWatchdog(15_000, 60_000);
    for (let t = 0; t <= 60_000; t += 5_000) expect(idle.check(sample(7, 0), t)).toEqual([]);
    const reconnecting = new ShovelWatchdog(15_000, 60_000);
    for (let t = 0; t <= 60_000; t += 5_000) expect(reconnecting.check(sample(7, 300, 'starting'), t)).toEqual([]);
    // Running again and stuck: its own window starts then.
    expect(reconnecting.check(sample(7, 300), 65_000)).toEqual([]);
    expect(reconnecting.check(sample(7, 300), 80_000)).toEqual(['warren-app.events']);
  });
});

describe('watchShovels', () => {
  const shovels = [{ name: 'warren-app.events', vhost: '/', state: 'running' }];
  const queue = (ack: number) => [{ name: 'warren.shovel.app.events', messages: 40, message_stats: { ack } }];

  it('restarts the stalled shovel through the management API and says so; an origin away is said once, and its return', async () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const restarts: string[] = [];
      let down = true;
      const api = {
        get: <T,>(path: string): Promise<T> => {
          if (down) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:15672'));
          return Promise.resolve((path === '/api/shovels' ? shovels : queue(7)) as T);
        },
        delete: (path: string): Promise<void> => {
          restarts.push(path);
          return Promise.resolve();
        },
      };
      const stop = new AbortController();
      const watching = watchShovels({ api, vhost: '/', exchanges: ['app.events'] }, (l) => lines.push(l), stop.signal, { intervalMs: 1000, stallMs: 6000 });
      await vi.advanceTimersByTimeAsync(5000);
      expect(lines).toEqual(['cannot watch the shovels: connect ECONNREFUSED 127.0.0.1:15672 (trying again every 1 s)']);
      down = false;
      await vi.advanceTimersByTimeAsync(5000);
      expect(lines.slice(1)).toEqual(['the origin answers again; watching']);
      expect(restarts).toEqual([]);
      await vi.advanceTimersByTimeAsync(3000);
      expect(restarts).toEqual(['/api/shovels/vhost/%2F/warren-app.events/restart']);
      expect(lines.slice(2)).toEqual(['shovel warren-app.events has acked nothing for 6 s with messages waiting on the origin: restarting it', 'shovel warren-app.events restarted']);
      stop.abort();
      await watching;
    } finally {
      vi.useRealTimers();
    }
  });
});
