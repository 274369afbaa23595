import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port nobody listens on now and that outgoing connections will not take later. The kernel
 * picks the source port of every outgoing connection from its ephemeral range; a service that a
 * test stops and starts again on the same port (PostgreSQL, Redis, a server instance) could
 * then find its port held by one of the hundreds of client sockets of a soak and fail to come
 * back. Ports below that range are never handed out that way.
 */
export async function freePort(): Promise<number> {
  const ceiling = ephemeralRangeStart() - 1;
  const floor = Math.min(20_000, ceiling - 2_000);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = floor + Math.floor(Math.random() * (ceiling - floor));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${floor} and ${ceiling}`);
}

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (Number.isInteger(low) && low > 4_000) return low;
  } catch {
    // Not Linux: the IANA ephemeral range starts here.
  }
  return 49_152;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
