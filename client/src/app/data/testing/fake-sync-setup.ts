import type { Provider } from '@angular/core';
import type { SyncClientOptions } from '@finwise/sync-client';
import { SESSION_STORAGE_KEY } from '../auth/auth.service';
import type { Session } from '../auth/session';
import { SYNC_CLIENT_FACTORY } from '../sync-client/sync-client-factory';
import { FakeSyncClient } from './fake-sync-client';

export const TEST_SESSION: Session = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  user: { id: 'u1', email: 'ada@example.com' },
  tenant: { id: '7a1c1a86-2f2e-4a43-9a40-1e7bb1f0c001', name: 'Lovelace' },
};

export interface FakeSync {
  providers: Provider[];
  /** Every client the app created, newest last. */
  clients: FakeSyncClient[];
  /** The newest client (throws before the app made one). */
  client(): FakeSyncClient;
}

/**
 * Signs a test user in (through the stored session the real AuthService reads) and makes the
 * app's sync clients in-memory fakes.
 */
export function setUpFakeSync(session: Session | null = TEST_SESSION): FakeSync {
  localStorage.clear();
  if (session) {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  }
  const clients: FakeSyncClient[] = [];
  return {
    clients,
    providers: [
      {
        provide: SYNC_CLIENT_FACTORY,
        useValue: (options: SyncClientOptions) => {
          const client = new FakeSyncClient(options);
          clients.push(client);
          return client;
        },
      },
    ],
    client: () => {
      const client = clients[clients.length - 1];
      if (!client) {
        throw new Error('The app has not created a sync client yet');
      }
      return client;
    },
  };
}
