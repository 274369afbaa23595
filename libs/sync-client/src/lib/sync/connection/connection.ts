import { ErrorCodes, SYNC_NAMESPACE, type HandshakeAuth } from '@finwise/sync-protocol';
import { io, type Socket } from 'socket.io-client';
import type { Backoff } from './backoff';

export interface ConnectionOptions {
  url: string;
  clientId: string;
  getToken(): string | Promise<string>;
  refreshToken?(): Promise<string>;
  backoff: Backoff;
  handshakeTimeoutMs: number;
}

export interface ConnectionEvents {
  connected(socket: Socket): void;
  /** The connected socket is gone (network, server, token expiry or `close()`). */
  disconnected(socket: Socket): void;
  /** A handshake failed (server unreachable, token refused). */
  attemptFailed(error: Error): void;
  /**
   * The server refused the handshake with `forbidden`: the token's user is no longer a member
   * of the household. The connection has stopped trying (a refresh would not help).
   */
  forbidden?(): void;
}

/**
 * Owns the sync socket: handshake with a token from `getToken()` every time, websocket
 * transport only, and our own reconnect loop with backoff. Socket.IO's built-in reconnection
 * is off because it gives up after `unauthorized` and after a server-side disconnect (the
 * server's token-expiry kick) — exactly the cases where we must refresh the token and retry.
 *
 * A successful handshake alone does not reset the backoff: a server (or proxy) that accepts
 * sockets and drops them at once would otherwise see a reconnect every few hundred ms
 * forever. The owner calls `markHealthy()` once the connection did real work.
 */
export class SyncConnection {
  private socket: Socket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private active = false;
  /** Bumped whenever a socket is abandoned, so its late events are ignored. */
  private generation = 0;
  private refreshDue = false;
  private lastHandshakeToken: string | null = null;
  private refusedToken: string | null = null;
  private refreshedToken: string | null = null;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly events: ConnectionEvents,
  ) {}

  get isOpen(): boolean {
    return this.active;
  }

  /** Starts connecting (and keeps reconnecting) until `close()`. */
  open(): void {
    if (this.active) return;
    this.active = true;
    this.options.backoff.reset();
    this.attempt();
  }

  /**
   * The current socket proved usable (its first catch-up finished): the next reconnect
   * starts from the shortest delay again. Ignored for a socket that is no longer current.
   */
  markHealthy(socket: Socket): void {
    if (this.socket === socket && socket.connected) this.options.backoff.reset();
  }

  close(): void {
    this.active = false;
    this.clearRetry();
    this.abandonSocket();
  }

  /**
   * Drops the current socket and reconnects after a backoff: a request timed out (the link is
   * dead even if the socket does not know yet) or the server refused the token.
   */
  reset(options: { refreshToken?: boolean } = {}): void {
    if (!this.active) return;
    if (options.refreshToken) this.markTokenRefused();
    this.abandonSocket();
    this.scheduleRetry();
  }

  private attempt(): void {
    if (!this.active) return;
    const generation = ++this.generation;
    const socket = io(this.options.url + SYNC_NAMESPACE, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: this.options.handshakeTimeoutMs,
      // A function, so that every handshake asks for the current token.
      auth: (send) => void this.handshakeAuth().then(send),
    });
    this.socket = socket;
    socket.on('connect', () => {
      if (generation !== this.generation) return;
      this.events.connected(socket);
    });
    socket.on('connect_error', (error: Error) => {
      if (generation !== this.generation) return;
      if (error.message === ErrorCodes.forbidden) {
        this.close();
        this.events.attemptFailed(error);
        this.events.forbidden?.();
        return;
      }
      if (error.message === ErrorCodes.unauthorized) this.markTokenRefused();
      this.abandonSocket();
      this.events.attemptFailed(error);
      this.scheduleRetry();
    });
    socket.on('disconnect', (reason: string) => {
      if (generation !== this.generation) return;
      // The server disconnects a socket on its own when the token expired (refresh), or when the
      // user was removed from the household (the next handshake answers `forbidden`).
      if (reason === 'io server disconnect') this.markTokenRefused();
      this.socket = null;
      this.generation += 1;
      this.release(socket);
      this.events.disconnected(socket);
      this.scheduleRetry();
    });
  }

  private async handshakeAuth(): Promise<HandshakeAuth> {
    let token = '';
    try {
      // A getToken() that never settles must not hang the handshake forever.
      token = await withTimeout(
        Promise.resolve(this.options.getToken()),
        this.options.handshakeTimeoutMs,
      );
    } catch {
      // No token now: the server refuses the handshake and the refresh path takes over.
    }
    // An app whose refreshToken() does not store the new token would hand us the refused one again.
    if (this.refreshedToken && (!token || token === this.refusedToken)) token = this.refreshedToken;
    this.lastHandshakeToken = token;
    return { token, clientId: this.options.clientId };
  }

  private markTokenRefused(): void {
    this.refreshDue = true;
    this.refusedToken = this.lastHandshakeToken;
  }

  private scheduleRetry(): void {
    if (!this.active || this.retryTimer) return;
    const timer: ReturnType<typeof setTimeout> = setTimeout(
      () => void this.retry(timer),
      this.options.backoff.next(),
    );
    this.retryTimer = timer;
  }

  private async retry(timer: ReturnType<typeof setTimeout>): Promise<void> {
    if (this.retryTimer !== timer) return;
    if (this.refreshDue && this.options.refreshToken) {
      try {
        this.refreshedToken = await this.options.refreshToken();
        this.refreshDue = false;
      } catch {
        // Server unreachable or refresh refused: the next attempt tries again.
      }
    }
    // close() ran while we were refreshing: whoever opens again owns the next attempt.
    if (this.retryTimer !== timer) return;
    this.retryTimer = null;
    this.attempt();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private abandonSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.generation += 1;
    if (!socket) return;
    const wasConnected = socket.connected;
    this.release(socket);
    if (wasConnected) this.events.disconnected(socket);
  }

  /** Closes a socket for good; its pending acks fail, which ends requests waiting on them. */
  private release(socket: Socket): void {
    socket.off();
    socket.disconnect();
    socket.io.engine?.close();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
