import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { SyncClient, SyncStatus } from '@finwise/sync-client';
import { AuthService } from '../auth/auth.service';
import { SYNC_CLIENT_FACTORY } from './sync-client-factory';

export const IDLE_SYNC_STATUS: SyncStatus = Object.freeze({
  online: false,
  pendingCount: 0,
  lastSyncedAt: null,
  initialLoad: Object.freeze({ loaded: 0, total: 0 }),
  rejections: Object.freeze([]),
  overwritten: Object.freeze([]),
});

export interface SignOutOptions {
  /** Also delete this household's local database, unsynced changes included. */
  deleteLocalData: boolean;
}

/**
 * Owns the one sync client of the signed-in household: created when a session appears,
 * replaced when the household changes, stopped on sign-out. The socket follows the browser's
 * online/offline events so a device that knows it is offline does not keep dialling.
 */
@Injectable({ providedIn: 'root' })
export class SyncClientService {
  private readonly auth = inject(AuthService);
  private readonly createClient = inject(SYNC_CLIENT_FACTORY);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly clientState = signal<SyncClient | null>(null);
  private readonly statusState = signal<SyncStatus>(IDLE_SYNC_STATUS);
  private readonly problemState = signal<string | null>(null);
  private readonly clientIdState = signal<string | null>(null);
  private readonly tenantId = computed(() => this.auth.session()?.tenant.id ?? null);
  private stopStatus: (() => void) | null = null;
  private readonly beforeSignOut = new Set<() => Promise<void>>();

  readonly client = this.clientState.asReadonly();
  readonly status = this.statusState.asReadonly();
  /** Why local data is unavailable (IndexedDB refused to open), or null. */
  readonly problem = this.problemState.asReadonly();
  /** This device's id as the server records it (history names it), once the database is open. */
  readonly clientId = this.clientIdState.asReadonly();

  constructor() {
    effect((onCleanup) => {
      const tenantId = this.tenantId();
      if (tenantId === null) {
        return;
      }
      onCleanup(untracked(() => this.open(tenantId)));
    });

    const goOnline = () => this.clientState()?.connect();
    const goOffline = () => this.clientState()?.disconnect();
    this.window?.addEventListener('online', goOnline);
    this.window?.addEventListener('offline', goOffline);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('online', goOnline);
      this.window?.removeEventListener('offline', goOffline);
    });
  }

  /**
   * Runs `hook` at sign-out while the client still takes writes (changes held on this device
   * are written first). Returns the function that removes it.
   */
  whenSigningOut(hook: () => Promise<void>): () => void {
    this.beforeSignOut.add(hook);
    return () => this.beforeSignOut.delete(hook);
  }

  /** Stops syncing (optionally deleting local data first), then ends the session. */
  async signOut(options: SignOutOptions): Promise<void> {
    await Promise.all(
      [...this.beforeSignOut].map((hook) =>
        hook().catch((error: unknown) => console.error('Writing before sign-out failed', error)),
      ),
    );
    const client = this.clientState();
    if (client) {
      try {
        await client.stop({ clearLocalData: options.deleteLocalData });
      } catch (error) {
        // Signing out must always work; a database that would not close is deleted next time.
        console.error('Stopping sync failed', error);
      }
    }
    this.auth.signOut();
  }

  clearRejections(): void {
    this.clientState()?.clearRejections();
  }

  /** Dismisses the notices of this device's changes that lost to newer ones. */
  clearOverwritten(): void {
    this.clientState()?.clearOverwritten();
  }

  /** Creates and starts the household's client; the returned function closes it (also mid-creation). */
  private open(tenantId: string): () => void {
    let closed = false;
    let client: SyncClient | null = null;
    this.problemState.set(null);
    Promise.resolve(
      this.createClient({
        url: this.window?.location.origin ?? '',
        tenantId,
        getToken: () => this.auth.session()?.accessToken ?? '',
        refreshToken: async () => (await this.auth.refresh()).accessToken,
        // Removed from the household (or left it in another tab): the session ends; the local
        // data and the outbox stay on this device.
        onForbidden: () => this.auth.removedFromHousehold(),
      }),
    )
      .then((created) => {
        if (closed) {
          void created.stop().catch(() => undefined);
          return;
        }
        client = created;
        this.stopStatus = created.onStatus((status) => this.statusState.set(status));
        if (this.window?.navigator.onLine === false) {
          created.disconnect();
        }
        this.clientState.set(created);
        return created.start().then(() => {
          if (!closed) this.clientIdState.set(created.clientId());
        });
      })
      .catch((error: unknown) => {
        console.error('Opening the local database failed', error);
        this.problemState.set(
          'This browser would not open the local database, so nothing can be stored on this device.',
        );
      });
    return () => {
      closed = true;
      if (client) {
        this.close(client);
      }
    };
  }

  private close(client: SyncClient): void {
    this.stopStatus?.();
    this.stopStatus = null;
    if (this.clientState() === client) {
      this.clientState.set(null);
      this.statusState.set(IDLE_SYNC_STATUS);
      this.clientIdState.set(null);
    }
    void client.stop().catch(() => undefined);
  }
}
