import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthService, SESSION_STORAGE_KEY } from './auth.service';

/** Lets the refresh promise and the observables chained on it run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  function setUp(signedIn: boolean): void {
    localStorage.clear();
    if (signedIn) {
      localStorage.setItem(
        SESSION_STORAGE_KEY,
        JSON.stringify({
          accessToken: 'access-1',
          refreshToken: 'refresh-1',
          user: { id: 'u1', email: 'ada@example.com' },
          tenant: { id: 't1', name: 'Lovelace' },
        }),
      );
    }
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => backend.verify());

  it('sends the access token with API calls', () => {
    setUp(true);
    void firstValueFrom(http.get('/api/accounts'));
    expect(backend.expectOne('/api/accounts').request.headers.get('Authorization')).toBe(
      'Bearer access-1',
    );
  });

  it('sends no token to the auth endpoints or other origins', () => {
    setUp(true);
    void firstValueFrom(http.post('/api/auth/refresh', {}));
    void firstValueFrom(http.get('https://example.com/api/accounts'));
    expect(backend.expectOne('/api/auth/refresh').request.headers.has('Authorization')).toBe(false);
    expect(
      backend.expectOne('https://example.com/api/accounts').request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('sends the token to the signed-in auth endpoints such as /api/auth/me', () => {
    setUp(true);
    void firstValueFrom(http.get('/api/auth/me'));
    expect(backend.expectOne('/api/auth/me').request.headers.get('Authorization')).toBe(
      'Bearer access-1',
    );
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    setUp(true);
    const result = firstValueFrom(http.get('/api/accounts'));
    backend.expectOne('/api/accounts').flush({}, { status: 401, statusText: 'Unauthorized' });
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    refresh.flush({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      user: { id: 'u1', email: 'ada@example.com' },
      tenant: { id: 't1', name: 'Lovelace' },
    });
    await settle();
    const retry = backend.expectOne('/api/accounts');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ items: [] });

    await expect(result).resolves.toEqual({ items: [] });
  });

  it('passes the original 401 on when the refresh is refused', async () => {
    setUp(true);
    const result = firstValueFrom(http.get('/api/accounts')).catch((error: unknown) => error);
    backend.expectOne('/api/accounts').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(await result).toMatchObject({ status: 401, url: '/api/accounts' });
    // The refused refresh signed the user out; its logout call is best effort.
    backend.match('/api/auth/logout');
  });

  it('sends no token when signed out', () => {
    setUp(false);
    void firstValueFrom(http.get('/api/accounts'));
    expect(backend.expectOne('/api/accounts').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session with a notice when the server says the user is no longer a member', async () => {
    setUp(true);
    const result = firstValueFrom(http.get('/api/accounts')).catch((error: unknown) => error);
    backend.expectOne('/api/accounts').flush(
      {
        statusCode: 403,
        error: 'Forbidden',
        message: 'You are not a member of this household',
        details: { code: 'forbidden' },
      },
      { status: 403, statusText: 'Forbidden' },
    );
    expect(await result).toMatchObject({ status: 403 });
    const auth = TestBed.inject(AuthService);
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.signedOutNotice()).toEqual({ reason: 'removed', householdName: 'Lovelace' });
  });

  it('keeps the session on other refusals (403 without forbidden)', async () => {
    setUp(true);
    const result = firstValueFrom(http.post('/api/tenants/t1/invites', {})).catch(
      (error: unknown) => error,
    );
    backend
      .expectOne('/api/tenants/t1/invites')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'Only an owner can invite' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(await result).toMatchObject({ status: 403 });
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(true);
  });
});
