import { SYNC_NAMESPACE } from '@finwise/sync-protocol';
import WebSocket from 'ws';

/**
 * A receive-only Socket.IO client speaking the wire protocol (Engine.IO 4 + Socket.IO 5 text
 * packets) directly over one websocket, for the fan-out scenarios. A thousand socket.io-client
 * instances in one benchmark process cost more CPU per delivered message (engine, parser,
 * JSON.parse of every payload, emitter) than the server does to send it, so at 50 deliveries
 * per millisecond the figures would measure this process's queue instead of the server.
 * Event packets reach the handler as raw text; nothing is parsed.
 */
export class LeanSocket {
  private constructor(private readonly ws: WebSocket) {}

  static connect(
    serverUrl: string,
    auth: Record<string, string>,
    timeoutMs = 30_000,
  ): Promise<LeanSocket> {
    const url = `${serverUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    return new Promise<LeanSocket>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new Error(`handshake with ${serverUrl} timed out`)),
        timeoutMs,
      );
      const fail = (error: Error) => {
        clearTimeout(timer);
        ws.terminate();
        reject(error);
      };
      ws.on('error', fail);
      ws.on('message', (data: WebSocket.RawData) => {
        const text = data.toString();
        // Engine.IO ping → pong, or the server drops us after pingInterval + pingTimeout.
        if (text === '2') return ws.send('3');
        if (text.startsWith('0{')) return ws.send(`40${SYNC_NAMESPACE},${JSON.stringify(auth)}`);
        if (text.startsWith(`40${SYNC_NAMESPACE},`)) {
          clearTimeout(timer);
          ws.off('error', fail);
          ws.on('error', () => undefined);
          return resolve(new LeanSocket(ws));
        }
        if (text.startsWith(`44${SYNC_NAMESPACE},`))
          return fail(
            new Error(`socket to ${serverUrl} refused: ${text.slice(4 + SYNC_NAMESPACE.length)}`),
          );
      });
    });
  }

  /** Calls `handler` with the raw text of every event packet (`42/sync,["name",…]`). */
  onEvent(handler: (packet: string) => void): () => void {
    const listener = (data: WebSocket.RawData) => {
      const text = data.toString();
      if (text.startsWith('42')) handler(text);
    };
    this.ws.on('message', listener);
    return () => this.ws.off('message', listener);
  }

  close(): void {
    this.ws.close();
  }
}
