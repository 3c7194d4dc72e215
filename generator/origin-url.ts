/** Where the generator and worker connect: the ORIGIN broker, never the mirror. */
import { amqpUrl, loadStackConfig } from '../stack/config.ts';

export function originUrl(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.WARREN_ORIGIN_URL;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return amqpUrl(loadStackConfig(env).origin, { login: 'guest', passcode: 'guest' });
}

/** The URL without its password, for log lines. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
