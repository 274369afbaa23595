import { HttpClient } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../api/api-error';
import { LogInRequest, SignUpRequest } from './auth-requests';
import { isSession, Session } from './session';

export const SESSION_STORAGE_KEY = 'finwise.session';

export interface Invite {
  code: string;
  expiresAt: string;
}

/** A household the user belongs to (GET /api/auth/me). */
export interface Membership {
  id: string;
  name: string;
  role: string;
}

/** Signs users in and out and keeps the session (tokens, user, tenant) in a signal that survives reloads. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<Session | null>(readStoredSession());
  /** Refresh tokens rotate: two refreshes with the same token would revoke the whole family. */
  private refreshing: Promise<Session> | null = null;

  readonly session = this.state.asReadonly();
  readonly isSignedIn = computed(() => this.state() !== null);

  constructor() {
    // Another tab that refreshed, joined a household or signed out changed the stored session;
    // following it keeps this tab from using a rotated-away refresh token.
    const window = inject(DOCUMENT).defaultView;
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_STORAGE_KEY) {
        this.state.set(readStoredSession());
      }
    };
    window?.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => window?.removeEventListener('storage', onStorage));
  }

  signUp(request: SignUpRequest): Promise<Session> {
    return this.authenticate('signup', withoutBlankOptionals(request));
  }

  logIn(request: LogInRequest): Promise<Session> {
    return this.authenticate('login', request);
  }

  /** Exchanges the refresh token for a new pair; a refused refresh token ends the session. */
  refresh(): Promise<Session> {
    this.refreshing ??= this.refreshOnce().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Joins the household of an invite code; the session then belongs to that household. */
  async joinHousehold(code: string): Promise<Session> {
    return this.request('/api/tenants/join', { code: code.trim() });
  }

  /** Every household the signed-in user belongs to, oldest membership first. */
  async memberships(): Promise<Membership[]> {
    let response: unknown;
    try {
      response = await firstValueFrom(this.http.get<unknown>('/api/auth/me'));
    } catch (error) {
      throw toApiError(error);
    }
    const tenants = (response as { tenants?: unknown } | null)?.tenants;
    if (!Array.isArray(tenants) || !tenants.every(isMembership)) {
      throw new ApiError('The server sent an unexpected answer. Please try again.', 0);
    }
    return tenants;
  }

  /**
   * Moves the session to another of the user's households. Tokens belong to one household, so
   * this is a sign-in to it (the password confirms it is still the user at this device); the
   * old household's refresh token is revoked afterwards.
   */
  async switchHousehold(tenantId: string, password: string): Promise<Session> {
    const current = this.state();
    if (!current) {
      throw new ApiError('You are signed out. Please sign in again.', 401);
    }
    const session = await this.authenticate('login', {
      email: current.user.email,
      password,
      tenantId,
    });
    this.http
      .post('/api/auth/logout', { refreshToken: current.refreshToken })
      .subscribe({ error: () => undefined });
    return session;
  }

  /** A single-use code another person can join the current household with. */
  async createInvite(): Promise<Invite> {
    const tenantId = this.state()?.tenant.id;
    if (!tenantId) {
      throw new ApiError('You are signed out. Please sign in again.', 401);
    }
    try {
      const invite = await firstValueFrom(
        this.http.post<Invite>(`/api/tenants/${tenantId}/invites`, {}),
      );
      if (typeof invite?.code !== 'string') {
        throw new ApiError('The server sent an unexpected answer. Please try again.', 0);
      }
      return invite;
    } catch (error) {
      throw toApiError(error);
    }
  }

  private async refreshOnce(): Promise<Session> {
    const current = this.state();
    if (current === null) {
      throw new ApiError('You are signed out. Please sign in again.', 401);
    }
    try {
      return await this.authenticate('refresh', { refreshToken: current.refreshToken });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.signOut();
      }
      throw error;
    }
  }

  /** Ends the session here and, when the server is reachable, revokes its refresh token there too. */
  signOut(): void {
    const refreshToken = this.state()?.refreshToken;
    this.update(null);
    if (refreshToken) {
      this.http.post('/api/auth/logout', { refreshToken }).subscribe({ error: () => undefined });
    }
  }

  private authenticate(path: 'signup' | 'login' | 'refresh', body: object): Promise<Session> {
    return this.request(`/api/auth/${path}`, body);
  }

  private async request(url: string, body: object): Promise<Session> {
    let response: unknown;
    try {
      response = await firstValueFrom(this.http.post<unknown>(url, body));
    } catch (error) {
      throw toApiError(error);
    }
    if (!isSession(response)) {
      throw new ApiError('The server sent an unexpected answer. Please try again.', 0);
    }
    this.update(response);
    return response;
  }

  private update(session: Session | null): void {
    this.state.set(session);
    writeStoredSession(session);
  }
}

// Storage can be unavailable (private browsing, quota, disabled cookies): the session then lives
// only in memory rather than breaking sign-in.
function readStoredSession(): Session | null {
  try {
    const stored = localStorage.getItem(SESSION_STORAGE_KEY);
    const parsed: unknown = stored === null ? null : JSON.parse(stored);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function writeStoredSession(session: Session | null): void {
  try {
    if (session === null) {
      localStorage.removeItem(SESSION_STORAGE_KEY);
    } else {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    }
  } catch {
    // Keep the in-memory session; see readStoredSession.
  }
}

function withoutBlankOptionals(request: SignUpRequest): SignUpRequest {
  const tenantName = request.tenantName?.trim();
  const inviteCode = request.inviteCode?.trim();
  return {
    email: request.email,
    password: request.password,
    ...(tenantName ? { tenantName } : {}),
    ...(inviteCode ? { inviteCode } : {}),
  };
}

function isMembership(value: unknown): value is Membership {
  const candidate = value as Record<string, unknown> | null;
  return (
    typeof candidate?.['id'] === 'string' &&
    typeof candidate['name'] === 'string' &&
    typeof candidate['role'] === 'string'
  );
}
