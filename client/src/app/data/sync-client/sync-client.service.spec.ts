import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../auth/auth.service';
import { setUpFakeSync, TEST_SESSION, type FakeSync } from '../testing/fake-sync-setup';
import { SyncClientService } from './sync-client.service';

describe('SyncClientService', () => {
  let sync: FakeSync;

  const settle = async () => {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  function setUp(): SyncClientService {
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    return TestBed.inject(SyncClientService);
  }

  it('starts one client for the signed-in household, talking to this origin with the session token', async () => {
    sync = setUpFakeSync();
    const service = setUp();
    await settle();

    expect(sync.clients).toHaveLength(1);
    const client = sync.client();
    expect(client.started).toBe(true);
    expect(service.client()).toBe(client);
    expect(client.options).toMatchObject({
      url: window.location.origin,
      tenantId: TEST_SESSION.tenant.id,
    });
    expect(await client.options.getToken?.()).toBe('access-1');
  });

  it('refreshes the token through the auth service and hands the client the new one', async () => {
    sync = setUpFakeSync();
    setUp();
    await settle();

    const token = sync.client().options.refreshToken?.();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/refresh')
      .flush({ ...TEST_SESSION, accessToken: 'access-2', refreshToken: 'refresh-2' });

    await expect(token).resolves.toBe('access-2');
    expect(await sync.client().options.getToken?.()).toBe('access-2');
  });

  it('starts nothing while signed out', async () => {
    sync = setUpFakeSync(null);
    const service = setUp();
    await settle();
    expect(sync.clients).toHaveLength(0);
    expect(service.status().online).toBe(false);
  });

  it('mirrors the client status and follows the browser going offline and online', async () => {
    sync = setUpFakeSync();
    const service = setUp();
    await settle();
    const client = sync.client();

    client.setStatus({ online: true, pendingCount: 3 });
    expect(service.status()).toMatchObject({ online: true, pendingCount: 3 });

    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    expect(client.calls).toEqual(['disconnect', 'connect']);
  });

  it('signs out after stopping the client, deleting local data only when asked', async () => {
    sync = setUpFakeSync();
    const service = setUp();
    await settle();
    const client = sync.client();

    await service.signOut({ deleteLocalData: true });
    await settle();

    expect(client.stopped).toBe(true);
    expect(client.clearedLocalData).toBe(true);
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(false);
    expect(service.client()).toBeNull();
    TestBed.inject(HttpTestingController).expectOne('/api/auth/logout');
  });

  it('keeps local data on a plain sign-out', async () => {
    sync = setUpFakeSync();
    const service = setUp();
    await settle();
    await service.signOut({ deleteLocalData: false });
    expect(sync.client().stopped).toBe(true);
    expect(sync.client().clearedLocalData).toBe(false);
  });

  it('ends the session, keeping local data, when the server refuses the handshake with forbidden', async () => {
    sync = setUpFakeSync();
    const service = setUp();
    await settle();
    const client = sync.client();

    client.options.onForbidden?.();
    await settle();

    const auth = TestBed.inject(AuthService);
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.signedOutNotice()).toEqual({ reason: 'removed', householdName: 'Lovelace' });
    expect(client.stopped).toBe(true);
    expect(client.clearedLocalData).toBe(false);
    expect(service.client()).toBeNull();
    // No refresh and no logout: the server has revoked the household's tokens already.
    TestBed.inject(HttpTestingController).expectNone(() => true);
  });
});
