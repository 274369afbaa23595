import { createServer, connect, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'drop-responses';

/**
 * A TCP proxy between clients and the server that injects network faults without touching
 * either side's code: it can cut every connection, or swallow what the server sends (acks and
 * broadcasts are lost while the server still applies what it received).
 */
export class FaultProxy {
  private readonly pairs = new Set<[Socket, Socket]>();
  private mode: ProxyMode = 'pass';
  cuts = 0;
  droppedBytes = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: () => number): Promise<FaultProxy> {
    let proxy: FaultProxy | null = null;
    const server = createServer((client) => {
      const upstream = connect({ host: '127.0.0.1', port: targetPort() });
      const pair: [Socket, Socket] = [client, upstream];
      proxy?.pairs.add(pair);
      client.on('data', (chunk) => upstream.write(chunk));
      upstream.on('data', (chunk) => {
        if (proxy?.mode === 'drop-responses') proxy.droppedBytes += chunk.length;
        else client.write(chunk);
      });
      const close = () => {
        proxy?.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      for (const socket of pair) {
        socket.on('error', close);
        socket.on('close', close);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('proxy did not bind');
    proxy = new FaultProxy(server, address.port);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  setMode(mode: ProxyMode): void {
    this.mode = mode;
  }

  /** Resets every open connection, as a flaky network would. */
  cutAll(): void {
    this.cuts += 1;
    for (const [client, upstream] of [...this.pairs]) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
