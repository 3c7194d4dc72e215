/**
 * epmd, the Erlang port mapper (port 4369), tells anyone who asks which
 * Erlang nodes run on the machine and on which distribution port. The
 * stack's nodes start it bound to loopback (ERL_EPMD_ADDRESS, see
 * rabbitmq-node.ts), but only when none runs yet: installing Debian's
 * rabbitmq-server starts the package's service, whose `epmd -daemon` listens
 * on 0.0.0.0:4369 and [::]:4369 and outlives the service being stopped
 * (bootstrap.sh stops it). The nodes would then register with that one.
 */
import { execFileSync } from 'node:child_process';

export const EPMD_PORT = 4369;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|\[::1\]|\[::ffff:127\.\d+\.\d+\.\d+\])$/;

/** Local addresses something listens on at `port`, from `ss` (e.g. "0.0.0.0", "[::]", "127.0.0.1"). */
export function listenAddresses(port: number): string[] {
  const out = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const local = line.trim().split(/\s+/)[3] ?? '';
      return local.slice(0, local.lastIndexOf(':'));
    });
}

export const isLoopbackAddress = (address: string): boolean => LOOPBACK.test(address);

/** Names of the nodes registered with the running epmd (none when none runs). */
function registeredNodes(): string[] {
  try {
    const out = execFileSync('epmd', ['-names'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return [...out.matchAll(/^name (\S+) at port/gm)].map((m) => m[1] ?? '');
  } catch {
    return [];
  }
}

/**
 * Before the nodes start: an epmd listening beyond loopback with no node
 * registered is stopped, so the first node starts its own on 127.0.0.1. One
 * that serves registered nodes (the stack's own, started earlier with it, or
 * another Erlang program) is left alone, and the log says what it exposes.
 */
export function ensureLoopbackEpmd(log: (line: string) => void): void {
  let exposed: string[];
  try {
    exposed = listenAddresses(EPMD_PORT).filter((a) => !isLoopbackAddress(a));
  } catch {
    return; // no `ss`: nothing to check with
  }
  if (exposed.length === 0) return;
  const nodes = registeredNodes();
  if (nodes.length === 0) {
    execFileSync('epmd', ['-kill'], { stdio: 'ignore' });
    log(`stopped an epmd listening on ${exposed.join(', ')} port ${EPMD_PORT} with no node registered (the rabbitmq-server package starts one); the nodes start their own on 127.0.0.1`);
    return;
  }
  log(
    `warning: epmd listens on ${exposed.join(', ')} port ${EPMD_PORT} and serves ${nodes.join(', ')}: anyone who can reach this machine can list those node names ` +
      `and their distribution ports (which themselves listen on loopback only and need the Erlang cookie). To keep it on loopback: npm run stack:down, stop those nodes, then npm run stack:up.`,
  );
}
