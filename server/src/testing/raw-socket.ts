import { SYNC_NAMESPACE } from '@finwise/sync-protocol';
import WebSocket from 'ws';

/**
 * A Socket.IO client speaking the wire protocol by hand (Engine.IO 4 over a plain WebSocket),
 * so a test can send frames the real client refuses to build: payloads too deep for
 * JSON.stringify, or text that is not JSON at all.
 */
export class RawSocket {
  private nextId = 1;
  private readonly acks = new Map<number, (payload: unknown) => void>();
  readonly closed: Promise<void>;

  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('message', (data) => {
      const text = data.toString();
      if (text === '2') return ws.send('3');
      const ack = new RegExp(`^43${SYNC_NAMESPACE},(\\d+)(.*)$`, 's').exec(text);
      if (!ack) return;
      const [, id, body] = ack;
      this.acks.get(Number(id))?.((JSON.parse(body) as unknown[])[0]);
      this.acks.delete(Number(id));
    });
  }

  /** Opens the connection and joins `/sync` with `token`; resolves once the namespace accepted it. */
  static async connect(serverUrl: string, token: string): Promise<RawSocket> {
    const ws = new WebSocket(
      `${serverUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`,
    );
    const socket = new RawSocket(ws);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        const text = data.toString();
        if (text.startsWith('0')) ws.send(`40${SYNC_NAMESPACE},${JSON.stringify({ token })}`);
        else if (text.startsWith(`40${SYNC_NAMESPACE},`)) {
          ws.off('message', onMessage);
          resolve();
        } else if (text.startsWith(`44${SYNC_NAMESPACE},`)) reject(new Error(text));
      };
      ws.on('message', onMessage);
      ws.once('error', reject);
      ws.once('close', () => reject(new Error('closed during the handshake')));
    });
    return socket;
  }

  /** Emits `event` with `payloadJson` spliced in verbatim; resolves with the ack, rejects on close or timeout. */
  emitRaw(event: string, payloadJson: string, timeoutMs = 10_000): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for ${event} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.acks.set(id, (payload) => {
        clearTimeout(timer);
        resolve(payload);
      });
      void this.closed.then(() => {
        clearTimeout(timer);
        reject(new Error('connection closed'));
      });
      this.ws.send(`42${SYNC_NAMESPACE},${id}[${JSON.stringify(event)},${payloadJson}]`);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws.close();
  }
}
