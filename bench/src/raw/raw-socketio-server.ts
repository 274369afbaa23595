/**
 * The raw Socket.IO baseline server, run as its own process like the product server: a
 * default Socket.IO 4 server whose `/sync` sockets all join one room, relaying every `push`
 * to that room except the sender and acknowledging it. No auth, no database, no parsing of
 * the payload — the floor for "one write reaches the other clients".
 * Env: REDIS_URL (+ REDIS_KEY) to fan out through the Redis adapter like the product does.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

const ROOM = 'tenant:raw';
const FRAME_LIMIT = 1024 * 1024;

async function main(): Promise<void> {
  const http = createServer();
  const io = new Server(http, { maxHttpBufferSize: FRAME_LIMIT });
  const redisUrl = process.env['REDIS_URL'];
  const redisClients: Redis[] = [];
  if (redisUrl) {
    const pub = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    redisClients.push(pub, sub);
    io.adapter(createAdapter(pub, sub, { key: process.env['REDIS_KEY'] || 'finwise-bench-raw' }));
  }
  io.of('/sync').on('connection', (socket) => {
    void socket.join(ROOM);
    socket.on('push', (payload: unknown, ack?: (reply: unknown) => void) => {
      socket.to(ROOM).emit('sync:changes', payload);
      ack?.({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  process.stdout.write(`RAW_READY ${port}\n`);
  const shutdown = () => {
    io.close();
    for (const client of redisClients) client.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`raw socket.io server failed: ${String(error)}\n`);
  process.exit(1);
});
