import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../api/api-error';
import { AuthService } from './auth.service';

export type HouseholdRole = 'owner' | 'member';

/** A member of the signed-in household (GET /api/tenants/:id/members). */
export interface HouseholdMember {
  userId: string;
  email: string;
  role: HouseholdRole;
  joinedAt: string;
}

/**
 * The members of the signed-in household: list, remove (owners) and leave. Leaving ends the
 * session here; the household's local data stays on this device.
 */
@Injectable({ providedIn: 'root' })
export class HouseholdMembersService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly state = signal<readonly HouseholdMember[] | null>(null);

  /** The last list loaded, or null before the first load. */
  readonly members = this.state.asReadonly();
  /** The signed-in user's role, once the list is loaded. */
  readonly myRole = computed<HouseholdRole | null>(() => {
    const userId = this.auth.session()?.user.id;
    return this.state()?.find((member) => member.userId === userId)?.role ?? null;
  });

  async load(): Promise<readonly HouseholdMember[]> {
    const response = await this.call<unknown>('GET', this.path());
    const items = (response as { items?: unknown } | null)?.items;
    if (!Array.isArray(items) || !items.every(isMember)) {
      throw new ApiError('The server sent an unexpected answer. Please try again.', 0);
    }
    this.state.set(items);
    return items;
  }

  /** Removes another member (owners only); the list is loaded again afterwards. */
  async remove(userId: string): Promise<void> {
    await this.call('DELETE', this.path(userId));
    this.state.update((members) => members?.filter((member) => member.userId !== userId) ?? null);
  }

  /** Leaves the household: the server forgets the membership, and the session here ends. */
  async leave(): Promise<void> {
    const userId = this.auth.session()?.user.id;
    if (!userId) {
      throw new ApiError('You are signed out. Please sign in again.', 401);
    }
    await this.call('DELETE', this.path(userId));
    this.state.set(null);
    this.auth.removedFromHousehold('left');
  }

  private path(userId?: string): string {
    const tenantId = this.auth.session()?.tenant.id;
    if (!tenantId) {
      throw new ApiError('You are signed out. Please sign in again.', 401);
    }
    return `/api/tenants/${tenantId}/members${userId ? `/${userId}` : ''}`;
  }

  private async call<T>(method: 'GET' | 'DELETE', url: string): Promise<T> {
    try {
      return await firstValueFrom(this.http.request<T>(method, url));
    } catch (error) {
      throw toApiError(error);
    }
  }
}

function isMember(value: unknown): value is HouseholdMember {
  const candidate = value as Record<string, unknown> | null;
  return (
    typeof candidate?.['userId'] === 'string' &&
    typeof candidate['email'] === 'string' &&
    (candidate['role'] === 'owner' || candidate['role'] === 'member') &&
    typeof candidate['joinedAt'] === 'string'
  );
}
