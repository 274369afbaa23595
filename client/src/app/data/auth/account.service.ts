import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../api/api-error';

/** What an invite code leads to, as far as the app can tell before redeeming it. */
export type InvitedHousehold =
  | { state: 'none' }
  | { state: 'checking' }
  | { state: 'found'; name: string }
  | { state: 'unknown' }
  | { state: 'unreachable' };

/** Account requests beside signing in: the household of an invite code, changing the password. */
@Injectable({ providedIn: 'root' })
export class AccountService {
  private readonly http = inject(HttpClient);

  /** The household an invite code joins; `unknown` for a code that cannot be redeemed. */
  async invitedHousehold(code: string): Promise<InvitedHousehold> {
    try {
      const answer = await firstValueFrom(
        this.http.get<unknown>(`/api/invites/${encodeURIComponent(code.trim())}`),
      );
      const name = (answer as { tenantName?: unknown } | null)?.tenantName;
      return typeof name === 'string' ? { state: 'found', name } : { state: 'unreachable' };
    } catch (error) {
      const status = toApiError(error).status;
      return status === 404 ? { state: 'unknown' } : { state: 'unreachable' };
    }
  }

  /**
   * Changes the signed-in user's password. This device stays signed in; the server signs out
   * every other device of the user.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    try {
      await firstValueFrom(this.http.post('/api/auth/password', { currentPassword, newPassword }));
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 401) {
        throw new ApiError(
          'Your current password is not correct.',
          apiError.status,
          apiError.details,
        );
      }
      throw apiError;
    }
  }
}
