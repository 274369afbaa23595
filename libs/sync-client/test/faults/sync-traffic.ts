import { SYNC_NAMESPACE, SyncEvents } from '@finwise/sync-protocol';
import type { ProxyTap } from './fault-proxy';

const PUSH = new RegExp(`^42${SYNC_NAMESPACE},(\\d+)\\[${JSON.stringify(SyncEvents.push)},`);
const ACK = new RegExp(`^43${SYNC_NAMESPACE},(\\d+)`);

interface PushAckBody {
  results?: { mutationId: string; status: string }[];
}

/**
 * What passed through the fault proxy, read from the Socket.IO packets: every mutation id a
 * client pushed, the server's last answer for each, the pushes still waiting for an answer,
 * and the sockets the server closed itself (token expiry). It can also fire once right after
 * the next push frame was forwarded to the server — to kill the server mid-batch.
 */
export class SyncTraffic implements ProxyTap {
  readonly sent = new Set<string>();
  readonly lastStatus = new Map<string, string>();
  serverDisconnects = 0;
  private readonly pending = new Map<string, string[]>();
  private readonly closedByClient = new Set<number>();
  private onNextPush: (() => void) | null = null;

  fromClient(connection: number, text: string): void {
    const push = PUSH.exec(text);
    if (!push) return;
    const [, payload] = JSON.parse(text.slice(text.indexOf('['))) as [
      string,
      { mutations?: { mutationId?: unknown }[] },
    ];
    const ids = (payload?.mutations ?? [])
      .map((m) => m.mutationId)
      .filter((id): id is string => typeof id === 'string');
    for (const id of ids) this.sent.add(id);
    this.pending.set(`${connection}:${push[1]}`, ids);
    const fire = this.onNextPush;
    this.onNextPush = null;
    fire?.();
  }

  clientClosed(connection: number): void {
    this.closedByClient.add(connection);
  }

  /**
   * A close frame from the server on a connection the client had not closed: the server
   * dropped the socket itself, which it does only when the socket's token ran out.
   */
  serverClosed(connection: number): void {
    if (!this.closedByClient.delete(connection)) this.serverDisconnects += 1;
  }

  fromServer(connection: number, text: string): void {
    const ack = ACK.exec(text);
    if (!ack) return;
    const key = `${connection}:${ack[1]}`;
    if (!this.pending.delete(key)) return;
    const [body] = JSON.parse(text.slice(text.indexOf('['))) as [PushAckBody];
    for (const result of body?.results ?? []) this.lastStatus.set(result.mutationId, result.status);
  }

  /** Pushes forwarded to the server and not answered yet (on any connection). */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Calls `action` once, right after the next push frame reached the server's socket. */
  whenNextPushForwarded(action: () => void): void {
    this.onNextPush = action;
  }

  cancelNextPush(): void {
    this.onNextPush = null;
  }

  /** A killed server answers nothing: its pending pushes are resent on new connections. */
  forgetPending(): void {
    this.pending.clear();
  }

  reset(): void {
    this.sent.clear();
    this.lastStatus.clear();
    this.pending.clear();
    this.onNextPush = null;
  }
}
