import { HttpClient } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../api/api-error';
import { LogInRequest, SignUpRequest } from './auth-requests';
import { withRefreshLock } from './refresh-lock';
import { isSession, Session } from './session';

export const SESSION_STORAGE_KEY = 'finwise.session';
export const SIGNED_OUT_NOTICE_KEY = 'finwise.signedOutNotice';

/**
 * Why the session ended without the user signing out here: an owner removed them from the
 * household, or they left it (in this tab or another). Shown on the sign-in page.
 */
export interface SignedOutNotice {
  reason: 'removed' | 'left';
  householdName: string;
}

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
  private readonly noticeState = signal<SignedOutNotice | null>(readStoredNotice());
  /** Refresh tokens rotate: two refreshes with the same token would revoke the whole family. */
  private refreshing: Promise<Session> | null = null;

  readonly session = this.state.asReadonly();
  readonly isSignedIn = computed(() => this.state() !== null);
  readonly signedOutNotice = this.noticeState.asReadonly();

  constructor() {
    // Another tab that refreshed, joined a household or signed out changed the stored session;
    // following it keeps this tab from using a rotated-away refresh token.
    const window = inject(DOCUMENT).defaultView;
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_STORAGE_KEY) {
        this.state.set(readStoredSession());
      } else if (event.key === SIGNED_OUT_NOTICE_KEY) {
        this.noticeState.set(readStoredNotice());
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

  /**
   * Exchanges the refresh token for a new pair; a refused refresh token ends the session. One
   * refresh at a time across all tabs (see withRefreshLock): a tab that waited for another one's
   * refresh takes the session that tab stored instead of sending the used-up token again.
   */
  refresh(): Promise<Session> {
    this.refreshing ??= this.refreshAcrossTabs().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /**
   * The server says the user is no longer a member of the session's household (an owner
   * removed them, or they left elsewhere): the session ends here with a notice saying why. The
   * household's local data and unsynced changes stay on this device; its tokens are already
   * revoked on the server.
   */
  removedFromHousehold(reason: SignedOutNotice['reason'] = 'removed'): void {
    const current = this.state();
    if (current === null) {
      return;
    }
    const notice: SignedOutNotice = { reason, householdName: current.tenant.name };
    this.noticeState.set(notice);
    writeStoredNotice(notice);
    this.state.set(null);
    writeStoredSession(null);
  }

  dismissSignedOutNotice(): void {
    this.noticeState.set(null);
    writeStoredNotice(null);
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

  private async refreshAcrossTabs(): Promise<Session> {
    // The access token this tab saw refused: a stored session with another one is newer.
    const refused = this.state()?.accessToken ?? null;
    return withRefreshLock(async () => {
      const stored = readStoredSession();
      if (stored !== null && refused !== null && stored.accessToken !== refused) {
        this.state.set(stored);
        return stored;
      }
      return this.refreshOnce(stored ?? this.state());
    });
  }

  private async refreshOnce(current: Session | null): Promise<Session> {
    if (current === null) {
      throw new ApiError('You are signed out. Please sign in again.', 401);
    }
    try {
      return await this.authenticate('refresh', { refreshToken: current.refreshToken });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        if (isForbidden(error)) {
          this.removedFromHousehold();
        } else {
          this.signOut();
        }
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
    if (session !== null && this.noticeState() !== null) {
      this.dismissSignedOutNotice();
    }
  }
}

/** The server's answer for a user who is not (any more) a member of the token's household. */
export function isForbidden(error: ApiError): boolean {
  return (error.details as { code?: unknown } | undefined)?.code === 'forbidden';
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

function readStoredNotice(): SignedOutNotice | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(SIGNED_OUT_NOTICE_KEY) ?? 'null') as unknown;
    const notice = parsed as Partial<SignedOutNotice> | null;
    return (notice?.reason === 'removed' || notice?.reason === 'left') &&
      typeof notice.householdName === 'string'
      ? { reason: notice.reason, householdName: notice.householdName }
      : null;
  } catch {
    return null;
  }
}

function writeStoredNotice(notice: SignedOutNotice | null): void {
  try {
    if (notice === null) {
      localStorage.removeItem(SIGNED_OUT_NOTICE_KEY);
    } else {
      localStorage.setItem(SIGNED_OUT_NOTICE_KEY, JSON.stringify(notice));
    }
  } catch {
    // The notice then shows in this tab only.
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
