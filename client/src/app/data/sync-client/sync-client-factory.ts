import { InjectionToken } from '@angular/core';
import type { SyncClient, SyncClientOptions } from '@finwise/sync-client';

export type SyncClientFactory = (options: SyncClientOptions) => SyncClient | Promise<SyncClient>;

/**
 * How the app makes its sync client; tests swap in an in-memory fake. The engine (Dexie,
 * Socket.IO, the shared schemas) is loaded on demand, so the sign-in page does not wait for it.
 */
export const SYNC_CLIENT_FACTORY = new InjectionToken<SyncClientFactory>('SYNC_CLIENT_FACTORY', {
  providedIn: 'root',
  factory: () => async (options) =>
    (await import('@finwise/sync-client')).createSyncClient(options),
});
