import { describe, expect, it } from 'vitest';
import { parseCredentialsFile, parseMirrorArgs, UsageError } from './args.ts';

const base = ['apply', '--exchange', 'app.events'];

describe('warren mirror options', () => {
  it('takes credentials from the URL and strips them from it', () => {
    const o = parseMirrorArgs([...base, '--origin', 'https://adm:p%40ss@prod:15671/', '--mirror', 'http://m:pw@mirror.internal:15672'], {});
    expect(o.origin).toEqual({ url: 'https://prod:15671', credentials: { login: 'adm', passcode: 'p@ss' }, vhost: '/' });
    expect(o.mirror.url).toBe('http://mirror.internal:15672');
    // The shovel reaches the mirror's AMQP listener on the management host, 5672 unless told.
    expect(o.mirrorAmqp).toEqual({ host: 'mirror.internal', port: 5672 });
  });

  it('then from the environment, then from the credentials file (the environment wins)', () => {
    const env = { WARREN_ORIGIN_MGMT_URL: 'http://o:15672', WARREN_MIRROR_MGMT_URL: 'http://m:15672', WARREN_ORIGIN_USER: 'envuser', WARREN_ORIGIN_PASSWORD: 'envpw' };
    const file = '# comment\nWARREN_ORIGIN_USER=fileuser\nWARREN_MIRROR_USER=mu\nWARREN_MIRROR_PASSWORD="m p"\nWARREN_TRACER_PASSWORD=tp\n';
    const o = parseMirrorArgs([...base, '--credentials-file', 'creds'], env, () => file);
    expect(o.origin.credentials).toEqual({ login: 'envuser', passcode: 'envpw' });
    expect(o.mirror.credentials).toEqual({ login: 'mu', passcode: 'm p' });
    expect(o.tracerPassword).toBe('tp');
    expect(o.shovelPassword).toBeNull();
  });

  it('watch needs only the origin, and a stall window longer than the statistics interval', () => {
    const o = parseMirrorArgs(['watch', '--origin', 'http://a:b@o:1', '--stall-seconds', '20'], {});
    expect([o.action, o.stallSeconds, o.exchanges]).toEqual(['watch', 20, []]);
    expect(parseMirrorArgs(['watch', '--origin', 'http://a:b@o:1'], {}).stallSeconds).toBe(15);
    expect(() => parseMirrorArgs(['watch', '--origin', 'http://a:b@o:1', '--stall-seconds', '2'], {})).toThrow(/at least 6/);
    expect(() => parseMirrorArgs(['status', '--origin', 'http://a:b@o:1'], {})).toThrow(/no mirror/);
  });

  it('vhosts, origin name, mirror AMQP address', () => {
    const o = parseMirrorArgs([...base, '--origin', 'http://a:b@o:1', '--mirror', 'http://a:b@m:2', '--vhost', 'shop', '--mirror-vhost', 'trace', '--origin-name', 'shop', '--mirror-amqp', 'amqp://10.0.0.5:5673'], {});
    expect([o.origin.vhost, o.mirror.vhost, o.originName]).toEqual(['shop', 'trace', 'shop']);
    expect(o.mirrorAmqp).toEqual({ host: '10.0.0.5', port: 5673 });
  });

  it('takes several mirror AMQP addresses, repeated or comma-separated (a mirror cluster)', () => {
    const m = ['--origin', 'http://a:b@o:1', '--mirror', 'http://a:b@m:2'];
    const repeated = parseMirrorArgs([...base, ...m, '--mirror-amqp', 'amqp://n1:5672', '--mirror-amqp', 'amqp://n2:5682,amqp://n3'], {});
    expect(repeated.mirrorAmqp).toEqual({ host: 'n1', port: 5672 });
    expect(repeated.mirrorAmqpAlternates).toEqual([{ host: 'n2', port: 5682 }, { host: 'n3', port: 5672 }]);
    expect(repeated.mirrorAmqpGiven).toBe(true);
    // The same node twice is one node.
    const dup = parseMirrorArgs([...base, ...m, '--mirror-amqp', 'amqp://n1:5672, amqp://n1:5672,amqp://[::1]:5673'], {});
    expect(dup.mirrorAmqpAlternates).toEqual([{ host: '::1', port: 5673 }]);
    // None given: one address, no alternates.
    expect(parseMirrorArgs([...base, ...m], {}).mirrorAmqpAlternates).toEqual([]);
    expect(() => parseMirrorArgs([...base, ...m, '--mirror-amqp', 'amqp://n1,http://n2'], {})).toThrow(UsageError);
    expect(() => parseMirrorArgs([...base, ...m, '--mirror-amqp', ','], {})).toThrow(/--mirror-amqp/);
  });

  it('says what is missing, without echoing secrets', () => {
    const fail = (args: string[], env = {}) => {
      try {
        parseMirrorArgs(args, env);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(fail(['apply'])).toMatch(/--origin/);
    expect(fail(['apply', '--origin', 'http://o:1', '--mirror', 'http://a:b@m:2', '--exchange', 'x'])).toMatch(/no credentials for the origin/);
    expect(fail(['plan', '--origin', 'http://a:secretpw@o:1', '--mirror', 'http://a:b@m:2'])).toMatch(/--exchange/);
    expect(fail(['frobnicate', '--origin', 'http://a:b@o:1', '--mirror', 'http://a:b@m:2'])).toMatch(/unknown action/);
    expect(fail([...base, '--origin', 'amqp://a:secretpw@o:1', '--mirror', 'http://a:b@m:2'])).not.toMatch(/secretpw/);
    expect(fail([...base, '--origin', 'http://a:b@o:1', '--mirror', 'http://a:b@m:2', '--mirror-amqp', 'amqp://u:p@m'])).toMatch(/no credentials here/);
  });

  it('reads KEY=VALUE credentials files', () => {
    expect(parseCredentialsFile("A=1\n\n# x\nB = 'two'\n")).toEqual({ A: '1', B: 'two' });
    expect(() => parseCredentialsFile('just a line')).toThrow(/KEY=VALUE/);
  });
});
