import { describe, expect, it } from 'vitest';
import { ShovelWatchdog, type ShovelSample } from './shovel-watchdog.ts';

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
