import { createServer, connect, type Server, type Socket } from 'node:net';
import { WsMessageReader } from './ws-message-reader';

export type ProxyMode = 'pass' | 'drop-responses';

/** Sees every WebSocket text message passing, by connection; called after the bytes were forwarded. */
export interface ProxyTap {
  fromClient?(connection: number, text: string): void;
  fromServer?(connection: number, text: string): void;
  /** A close frame from the client: it ends the connection (the server's close frame answers it). */
  clientClosed?(connection: number): void;
  /** A close frame from the server: it ended the connection, or answered the client's close. */
  serverClosed?(connection: number): void;
}

/**
 * A TCP proxy between clients and the server that injects network faults without touching
 * either side's code: it can cut every connection, or swallow what the server sends (acks and
 * broadcasts are lost while the server still applies what it received). With a tap it also
 * reads the WebSocket messages going through, e.g. to act right after a push was forwarded.
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

  static async start(targetPort: () => number, tap: ProxyTap = {}): Promise<FaultProxy> {
    let proxy: FaultProxy | null = null;
    let connections = 0;
    const server = createServer((client) => {
      const id = ++connections;
      const upstream = connect({ host: '127.0.0.1', port: targetPort() });
      const pair: [Socket, Socket] = [client, upstream];
      proxy?.pairs.add(pair);
      const fromClient =
        (tap.fromClient || tap.clientClosed) &&
        new WsMessageReader(
          (text) => tap.fromClient?.(id, text),
          () => tap.clientClosed?.(id),
        );
      const fromServer =
        (tap.fromServer || tap.serverClosed) &&
        new WsMessageReader(
          (text) => tap.fromServer?.(id, text),
          () => tap.serverClosed?.(id),
        );
      client.on('data', (chunk) => {
        upstream.write(chunk);
        fromClient?.push(chunk);
      });
      upstream.on('data', (chunk) => {
        if (proxy?.mode === 'drop-responses') proxy.droppedBytes += chunk.length;
        else client.write(chunk);
        fromServer?.push(chunk);
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
