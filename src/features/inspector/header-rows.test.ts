import { describe, expect, it } from 'vitest';
import { capturedFrames } from '../../model/fixtures/captured-frames.ts';
import { appEvent, messageOf } from '../../model/fixtures/messages.ts';
import { headerGroups } from './header-rows.ts';

describe('header rows', () => {
  it('puts every header in exactly one group', () => {
    const msg = messageOf(capturedFrames.orderCreated());
    const groups = headerGroups(msg);
    const names = [...groups.properties, ...groups.custom, ...groups.stomp].map((r) => r.name).sort();
    expect(names).toEqual(Object.keys(msg.headers).sort());
  });

  it('lists AMQP properties in property order, with the timestamp as ISO plus the raw seconds', () => {
    const { properties } = headerGroups(messageOf(capturedFrames.orderCreated()));
    expect(properties.map((r) => r.name)).toEqual([
      'content-type',
      'correlation-id',
      'reply-to',
      'amqp-message-id',
      'timestamp',
      'expiration',
      'type',
      'app-id',
      'priority',
      'persistent',
      'redelivered',
    ]);
    expect(properties.find((r) => r.name === 'timestamp')).toEqual({ name: 'timestamp', value: '2026-11-23T16:33:22.000Z', note: 'raw 1795451602 (epoch seconds)' });
    expect(properties.find((r) => r.name === 'amqp-message-id')?.value).toBe('m-1');
    expect(properties.find((r) => r.name === 'reply-to')?.note).toBe('queue amq.gen-reply/x');
  });

  it('keeps STOMP delivery headers apart from custom headers', () => {
    const { stomp, custom } = headerGroups(messageOf(capturedFrames.orderCreated()));
    expect(stomp.map((r) => r.name).sort()).toEqual(['content-length', 'destination', 'message-id', 'subscription']);
    expect(custom.map((r) => r.name)).toEqual(['x-warren-seq', 'x-utf8', 'x-str', 'x-shovelled-timestamp', 'x-int']);
  });

  it('annotates x-shovelled-timestamp with the mirror lag it implies', () => {
    // messageOf receives at 1_795_451_602_500 ms: half a second after the shovel's second.
    const { custom } = headerGroups(messageOf(capturedFrames.orderCreated()));
    expect(custom.find((r) => r.name === 'x-shovelled-timestamp')?.note).toBe('2026-11-23T16:33:22.000Z · shovelled 0.5 s before arrival (±1 s)');
  });

  it('lists a property-named header whose value cannot be the property as custom', () => {
    const { properties, custom } = headerGroups(appEvent({ priority: 'high', 'x-display-name': '<img src=x onerror=alert(1)>' }, '{}'));
    expect(properties.map((r) => r.name)).toEqual(['redelivered']);
    expect(custom).toEqual([
      { name: 'priority', value: 'high' },
      { name: 'x-display-name', value: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
