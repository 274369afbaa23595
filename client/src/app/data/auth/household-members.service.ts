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
 * The members of the signed-in household: list, change roles and remove (owners), and leave. Leaving ends the
 * session here; the household's local data stays on this device.
 */
@Injectable({ providedIn: 'root' })
export class HouseholdMembersService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  /** The last list loaded, with the household it belongs to. */
  private readonly state = signal<{
    tenantId: string;
    members: readonly HouseholdMember[];
  } | null>(null);

  /** The current household's members as last loaded, or null before they were loaded. */
  readonly members = computed(() => {
    const loaded = this.state();
    return loaded !== null && loaded.tenantId === this.auth.session()?.tenant.id
      ? loaded.members
      : null;
  });
  /** The signed-in user's role, once the list is loaded. */
  readonly myRole = computed<HouseholdRole | null>(() => {
    const userId = this.auth.session()?.user.id;
    return this.members()?.find((member) => member.userId === userId)?.role ?? null;
  });

  async load(): Promise<readonly HouseholdMember[]> {
    const tenantId = this.tenantId();
    const response = await this.call<unknown>('GET', this.path());
    const items = (response as { items?: unknown } | null)?.items;
    if (!Array.isArray(items) || !items.every(isMember)) {
      throw new ApiError('The server sent an unexpected answer. Please try again.', 0);
    }
    this.state.set({ tenantId, members: items });
    return items;
  }

  /** Removes another member (owners only) and drops them from the list. */
  async remove(userId: string): Promise<void> {
    await this.call('DELETE', this.path(userId));
    this.state.update((loaded) =>
      loaded === null
        ? null
        : { ...loaded, members: loaded.members.filter((member) => member.userId !== userId) },
    );
  }

  /** Changes a member's role (owners only); an owner may step down once another owner exists. */
  async setRole(userId: string, role: HouseholdRole): Promise<void> {
    const updated = await this.call<unknown>('PATCH', this.path(userId), { role });
    if (!isMember(updated)) {
      throw new ApiError('The server sent an unexpected answer. Please try again.', 0);
    }
    this.state.update((loaded) =>
      loaded === null
        ? null
        : {
            ...loaded,
            members: loaded.members.map((member) => (member.userId === userId ? updated : member)),
          },
    );
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
    return `/api/tenants/${this.tenantId()}/members${userId ? `/${userId}` : ''}`;
  }

  private tenantId(): string {
    const tenantId = this.auth.session()?.tenant.id;
    if (!tenantId) {
      throw new ApiError('You are signed out. Please sign in again.', 401);
    }
    return tenantId;
  }

  private async call<T>(
    method: 'GET' | 'DELETE' | 'PATCH',
    url: string,
    body?: object,
  ): Promise<T> {
    try {
      return await firstValueFrom(this.http.request<T>(method, url, { body }));
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
