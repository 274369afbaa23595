import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../api/api-error';
import { LogInRequest, SignUpRequest } from './auth-requests';
import { isSession, Session } from './session';

export const SESSION_STORAGE_KEY = 'finwise.session';

/** Signs users in and out and keeps the session (tokens, user, tenant) in a signal that survives reloads. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<Session | null>(readStoredSession());

  readonly session = this.state.asReadonly();
  readonly isSignedIn = computed(() => this.state() !== null);

  signUp(request: SignUpRequest): Promise<Session> {
    return this.authenticate('signup', withoutBlankOptionals(request));
  }

  logIn(request: LogInRequest): Promise<Session> {
    return this.authenticate('login', request);
  }

  /** Exchanges the refresh token for a new pair; a refused refresh token ends the session. */
  async refresh(): Promise<Session> {
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

  signOut(): void {
    this.update(null);
  }

  private async authenticate(path: 'signup' | 'login' | 'refresh', body: object): Promise<Session> {
    let response: unknown;
    try {
      response = await firstValueFrom(this.http.post<unknown>(`/api/auth/${path}`, body));
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
