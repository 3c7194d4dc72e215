/**
 * Whether a user's password is a given one, from its hash alone (GET
 * /api/users/<name> shows the hash, never the password): RabbitMQ's hash is
 * base64(salt[4] + H(salt + password)), H given by hashing_algorithm. This
 * lets a second `apply` see that nothing needs changing without resetting
 * the password.
 */
import { createHash } from 'node:crypto';

const ALGORITHMS: Record<string, string> = {
  rabbit_password_hashing_sha256: 'sha256',
  rabbit_password_hashing_sha512: 'sha512',
  rabbit_password_hashing_md5: 'md5',
};

export function hashPassword(password: string, salt: Buffer, algorithm = 'rabbit_password_hashing_sha256'): string {
  const h = createHash(ALGORITHMS[algorithm] ?? 'sha256');
  return Buffer.concat([salt, h.update(Buffer.concat([salt, Buffer.from(password, 'utf8')])).digest()]).toString('base64');
}

export function passwordMatches(user: Record<string, unknown>, password: string): boolean {
  const { password_hash: stored, hashing_algorithm: algorithm } = user;
  if (typeof stored !== 'string' || stored === '') return false;
  const algo = typeof algorithm === 'string' ? algorithm : 'rabbit_password_hashing_sha256';
  if (!(algo in ALGORITHMS)) return false;
  return hashPassword(password, Buffer.from(stored, 'base64').subarray(0, 4), algo) === stored;
}
