import { describe, expect, it } from 'vitest';
import { checkDestination, mergeRepeatedHashes } from './subscription-destination.ts';

describe('checkDestination', () => {
  it('accepts exchange and topic destinations', () => {
    const ex = checkDestination('/exchange/app.events/orders.*.created');
    expect(ex.ok && ex.destination).toEqual({ kind: 'exchange', exchange: 'app.events', routingKey: 'orders.*.created' });
    const topic = checkDestination('/topic/#');
    expect(topic.ok && topic.destination.exchange).toBe('amq.topic');
  });

  it('decodes %2F in exchange names', () => {
    const check = checkDestination('/exchange/a%2Fb/#');
    expect(check.ok && check.destination.exchange).toBe('a/b');
  });

  it('asks for confirmation before consuming a real queue', () => {
    for (const dest of ['/queue/celery', '/amq/queue/celery']) {
      const check = checkDestination(dest);
      expect(check.ok && check.needsConfirmation).toBe(true);
      expect(check.ok && check.warning).toMatch(/taken away from its real consumers/);
    }
  });

  it('warns when an exchange destination has no pattern', () => {
    const check = checkDestination('/exchange/app.events');
    expect(check.ok && check.warning).toMatch(/empty routing key/);
  });

  it('refuses malformed destinations with a reason', () => {
    expect(checkDestination('')).toMatchObject({ ok: false });
    expect(checkDestination('/exchange/')).toMatchObject({ ok: false, error: expect.stringMatching(/exchange name/) });
    expect(checkDestination('app.events/#')).toMatchObject({ ok: false, error: expect.stringMatching(/Unknown destination/) });
    expect(checkDestination('/topic/')).toMatchObject({ ok: false });
    expect(checkDestination(`/topic/${'a'.repeat(256)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/255 bytes/) });
  });

  it('merges repeated # words, which mean the same and cost the broker dearly', () => {
    expect(mergeRepeatedHashes('#.#.#.a')).toBe('#.a');
    expect(mergeRepeatedHashes('a.#.*.#.#')).toBe('a.#.*.#');
    expect(mergeRepeatedHashes('a.b')).toBe('a.b');
    const check = checkDestination('/exchange/x/#.#.b');
    expect(check.ok && check.normalized).toBe('/exchange/x/#.b');
  });
});
