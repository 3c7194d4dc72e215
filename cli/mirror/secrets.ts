/**
 * The tracer and shovel passwords. Given (WARREN_TRACER_PASSWORD,
 * WARREN_SHOVEL_PASSWORD) they are used as they are. Otherwise an existing
 * one is kept: the tracer's stays on its user untouched; the shovel's is read
 * back from an existing warren shovel of this origin vhost (the only place it
 * is kept). A user that exists with a password nobody can know is never
 * overwritten: it may be another origin's, and its shovels would stop.
 */
import { randomBytes } from 'node:crypto';
import { seg } from '../../stack/management-api.ts';
import type { MirrorOptions } from './args.ts';
import { current, type Apis } from './plan.ts';
import { passwordInUri, shovelName } from './setup.ts';

export interface ResolvedSecrets {
  /** Null: the tracer user exists and keeps its password. */
  tracer: string | null;
  /** True when the tracer password was generated here (to be shown once, after apply creates the user). */
  tracerGenerated: boolean;
  shovel: string;
}

export const generatePassword = () => randomBytes(18).toString('base64url');

export class SecretError extends Error {}

export async function resolveSecrets(opts: MirrorOptions, apis: Apis): Promise<ResolvedSecrets> {
  let tracer = opts.tracerPassword;
  let tracerGenerated = false;
  if (tracer === null && (await current(apis.mirror, `/api/users/${seg(opts.tracerLogin)}`)) === undefined) {
    tracer = generatePassword();
    tracerGenerated = true;
  }
  let shovel = opts.shovelPassword;
  for (const ex of opts.exchanges) {
    if (shovel !== null) break;
    const p = (await current(apis.origin, `/api/parameters/shovel/${seg(opts.origin.vhost)}/${seg(shovelName(ex))}`)) as { value?: { 'dest-uri'?: unknown } } | undefined;
    shovel = passwordInUri(p?.value?.['dest-uri']);
  }
  if (shovel === null) {
    if ((await current(apis.mirror, `/api/users/${seg(opts.shovelLogin)}`)) !== undefined) {
      throw new SecretError(`mirror: user "${opts.shovelLogin}" exists and its password is not known here (no shovel of this origin vhost carries it); changing it would stop any shovel that uses it.
    fix: set WARREN_SHOVEL_PASSWORD to its password, or give --shovel-user another name`);
    }
    shovel = generatePassword();
  }
  return { tracer, tracerGenerated, shovel };
}
