import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiError } from '../api/api-error';
import type { FakeLockManager } from '../testing/fake-web-locks';
import { AuthService, SESSION_STORAGE_KEY, SIGNED_OUT_NOTICE_KEY } from './auth.service';
import { REFRESH_LOCK_NAME } from './refresh-lock';
import { Session } from './session';

const session: Session = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  user: { id: 'u1', email: 'ada@example.com' },
  tenant: { id: 't1', name: 'Lovelace' },
};

function setUp(): { service: AuthService; http: HttpTestingController } {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { service: TestBed.inject(AuthService), http: TestBed.inject(HttpTestingController) };
}

function storedSession(): unknown {
  const stored = localStorage.getItem(SESSION_STORAGE_KEY);
  return stored === null ? null : JSON.parse(stored);
}

describe('AuthService', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('starts signed out when nothing is stored', () => {
    const { service } = setUp();
    expect(service.session()).toBeNull();
    expect(service.isSignedIn()).toBe(false);
  });

  it('logs in, exposes the session and persists it', async () => {
    const { service, http } = setUp();

    const result = service.logIn({ email: 'ada@example.com', password: 'correct horse' });
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ada@example.com', password: 'correct horse' });
    request.flush(session);

    await expect(result).resolves.toEqual(session);
    expect(service.session()).toEqual(session);
    expect(service.isSignedIn()).toBe(true);
    expect(storedSession()).toEqual(session);
  });

  it('signs up with the household name and leaves out blank optional fields', async () => {
    const { service, http } = setUp();

    const result = service.signUp({
      email: 'ada@example.com',
      password: 'correct horse',
      tenantName: '  Lovelace  ',
      inviteCode: ' ',
    });
    const request = http.expectOne('/api/auth/signup');
    expect(request.request.body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse',
      tenantName: 'Lovelace',
    });
    request.flush(session, { status: 201, statusText: 'Created' });

    await expect(result).resolves.toEqual(session);
    expect(service.session()?.tenant.name).toBe('Lovelace');
  });

  it('rejects with the server message and stays signed out on bad credentials', async () => {
    const { service, http } = setUp();

    const result = service.logIn({ email: 'ada@example.com', password: 'wrong password' });
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );

    const error = await result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: 'Invalid email or password' });
    expect(service.isSignedIn()).toBe(false);
    expect(storedSession()).toBeNull();
  });

  it('explains a network failure instead of showing a raw error', async () => {
    const { service, http } = setUp();

    const result = service.logIn({ email: 'ada@example.com', password: 'correct horse' });
    http.expectOne('/api/auth/login').error(new ProgressEvent('error'));

    await expect(result).rejects.toMatchObject({
      status: 0,
      message: expect.stringMatching(/cannot reach/i),
    });
  });

  it('refuses a response that is not a session', async () => {
    const { service, http } = setUp();

    const result = service.logIn({ email: 'ada@example.com', password: 'correct horse' });
    http.expectOne('/api/auth/login').flush({ accessToken: 'only-a-token' });

    await expect(result).rejects.toBeInstanceOf(ApiError);
    expect(service.isSignedIn()).toBe(false);
  });

  it('restores a stored session on start and ignores a corrupt one', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    expect(setUp().service.session()).toEqual(session);

    TestBed.resetTestingModule();
    localStorage.setItem(SESSION_STORAGE_KEY, '{not json');
    expect(setUp().service.session()).toBeNull();
  });

  it('signs out by clearing the session and the stored copy', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    const { service } = setUp();

    service.signOut();

    expect(service.session()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(
      TestBed.inject(HttpTestingController).expectOne('/api/auth/logout').request.body,
    ).toEqual({
      refreshToken: 'refresh-1',
    });
  });

  it('sends one refresh for concurrent callers, since refresh tokens rotate', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    const { service, http } = setUp();
    const renewed: Session = { ...session, accessToken: 'access-2', refreshToken: 'refresh-2' };

    const first = service.refresh();
    const second = service.refresh();
    http.expectOne('/api/auth/refresh').flush(renewed);

    await expect(Promise.all([first, second])).resolves.toEqual([renewed, renewed]);
  });

  it('joins a household by code and switches the session to it', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    const { service, http } = setUp();
    const joined: Session = {
      ...session,
      accessToken: 'access-3',
      tenant: { id: 't2', name: 'Babbage' },
    };

    const result = service.joinHousehold('  CODE-1 ');
    const request = http.expectOne('/api/tenants/join');
    expect(request.request.body).toEqual({ code: 'CODE-1' });
    request.flush(joined);

    await expect(result).resolves.toEqual(joined);
    expect(service.session()?.tenant.id).toBe('t2');
  });

  it('creates an invite for the current household', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    const { service, http } = setUp();

    const result = service.createInvite();
    http
      .expectOne('/api/tenants/t1/invites')
      .flush({ code: 'abc123', expiresAt: '2026-12-01T00:00:00.000Z' });

    await expect(result).resolves.toEqual({
      code: 'abc123',
      expiresAt: '2026-12-01T00:00:00.000Z',
    });
  });

  it('follows the session another tab stored', () => {
    const { service } = setUp();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    expect(service.session()).toEqual(session);
  });

  it('refreshes with the stored refresh token and keeps the new pair', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    const { service, http } = setUp();
    const renewed: Session = { ...session, accessToken: 'access-2', refreshToken: 'refresh-2' };

    const result = service.refresh();
    const request = http.expectOne('/api/auth/refresh');
    expect(request.request.body).toEqual({ refreshToken: 'refresh-1' });
    request.flush(renewed);

    await expect(result).resolves.toEqual(renewed);
    expect(storedSession()).toEqual(renewed);
  });

  it('signs out when the refresh token is refused', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    const { service, http } = setUp();

    const result = service.refresh();
    http
      .expectOne('/api/auth/refresh')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Session expired' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(result).rejects.toMatchObject({ status: 401, message: 'Session expired' });
    expect(service.isSignedIn()).toBe(false);
    http.expectOne('/api/auth/logout');
  });

  describe('with other tabs', () => {
    const locks = () => navigator.locks as unknown as FakeLockManager;
    /** Another tab holding the refresh lock until the returned function is called. */
    function otherTabRefreshing(): () => void {
      let release!: () => void;
      void locks().request(
        REFRESH_LOCK_NAME,
        { mode: 'exclusive' },
        () => new Promise<void>((resolve) => (release = resolve)),
      );
      return release;
    }

    it("waits for another tab's refresh and takes the session it stored instead of refreshing again", async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      const { service, http } = setUp();
      const release = otherTabRefreshing();

      const result = service.refresh();
      // The other tab holds the lock: nothing is sent while it refreshes.
      http.expectNone('/api/auth/refresh');
      const renewed: Session = { ...session, accessToken: 'access-2', refreshToken: 'refresh-2' };
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(renewed));
      release();

      await expect(result).resolves.toEqual(renewed);
      http.expectNone('/api/auth/refresh');
      expect(service.session()).toEqual(renewed);
      expect(locks().isHeld(REFRESH_LOCK_NAME)).toBe(false);
    });

    it('refreshes itself, with the newest stored token, when the other tab stored nothing new', async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      const { service, http } = setUp();
      const release = otherTabRefreshing();
      const result = service.refresh();
      release();
      await new Promise((resolve) => setTimeout(resolve));

      const request = http.expectOne('/api/auth/refresh');
      expect(request.request.body).toEqual({ refreshToken: 'refresh-1' });
      const renewed: Session = { ...session, accessToken: 'access-2', refreshToken: 'refresh-2' };
      request.flush(renewed);
      await expect(result).resolves.toEqual(renewed);
      expect(storedSession()).toEqual(renewed);
    });

    it('holds the lock while its own refresh is on the way, so other tabs wait for it', async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      const { service, http } = setUp();
      const result = service.refresh();
      expect(locks().isHeld(REFRESH_LOCK_NAME)).toBe(true);
      http
        .expectOne('/api/auth/refresh')
        .flush({ ...session, accessToken: 'access-2', refreshToken: 'refresh-2' });
      await result;
      await new Promise((resolve) => setTimeout(resolve));
      expect(locks().isHeld(REFRESH_LOCK_NAME)).toBe(false);
    });
  });

  it('ends the session with a notice when the refresh token was revoked by a removal', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    const { service, http } = setUp();

    const result = service.refresh();
    http.expectOne('/api/auth/refresh').flush(
      {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'You are no longer a member of this household',
        details: { code: 'forbidden' },
      },
      { status: 401, statusText: 'Unauthorized' },
    );

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(service.isSignedIn()).toBe(false);
    expect(service.signedOutNotice()).toEqual({ reason: 'removed', householdName: 'Lovelace' });
    expect(JSON.parse(localStorage.getItem(SIGNED_OUT_NOTICE_KEY) ?? 'null')).toEqual({
      reason: 'removed',
      householdName: 'Lovelace',
    });
    // The server revoked the tokens already: no logout call.
    http.expectNone('/api/auth/logout');
  });

  it("shows another tab's removal notice, and forgets it at the next sign-in", async () => {
    const { service, http } = setUp();
    localStorage.setItem(
      SIGNED_OUT_NOTICE_KEY,
      JSON.stringify({ reason: 'removed', householdName: 'Lovelace' }),
    );
    window.dispatchEvent(new StorageEvent('storage', { key: SIGNED_OUT_NOTICE_KEY }));
    expect(service.signedOutNotice()).toEqual({ reason: 'removed', householdName: 'Lovelace' });

    const result = service.logIn({ email: 'ada@example.com', password: 'long enough' });
    http.expectOne('/api/auth/login').flush(session);
    await result;
    expect(service.signedOutNotice()).toBeNull();
    expect(localStorage.getItem(SIGNED_OUT_NOTICE_KEY)).toBeNull();
  });
});
