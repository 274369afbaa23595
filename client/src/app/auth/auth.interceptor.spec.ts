import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { SESSION_STORAGE_KEY } from './auth.service';

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
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => backend.verify());

  it('sends the access token with API calls', () => {
    setUp(true);
    void firstValueFrom(http.get('/api/accounts'));
    expect(backend.expectOne('/api/accounts').request.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('sends no token to the auth endpoints or other origins', () => {
    setUp(true);
    void firstValueFrom(http.post('/api/auth/refresh', {}));
    void firstValueFrom(http.get('https://example.com/api/accounts'));
    expect(backend.expectOne('/api/auth/refresh').request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne('https://example.com/api/accounts').request.headers.has('Authorization')).toBe(false);
  });

  it('sends no token when signed out', () => {
    setUp(false);
    void firstValueFrom(http.get('/api/accounts'));
    expect(backend.expectOne('/api/accounts').request.headers.has('Authorization')).toBe(false);
  });
});
