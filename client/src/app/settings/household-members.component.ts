import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { Router } from '@angular/router';
import { toApiError } from '../data/api/api-error';
import { AuthService } from '../data/auth/auth.service';
import {
  type HouseholdMember,
  HouseholdMembersService,
  type HouseholdRole,
} from '../data/auth/household-members.service';
import { SyncClientService } from '../data/sync-client/sync-client.service';

/** How long leaving waits for this device's unsynced changes to be sent first. */
const LEAVE_FLUSH_MS = 5000;

/** What waits for the user's confirmation: removing one member, or leaving. */
type Pending = { kind: 'remove'; member: HouseholdMember } | { kind: 'leave' };

/** What a role change is called on its button and in the notice after it. */
const ROLE_ACTIONS: Record<HouseholdRole, string> = {
  owner: 'Make owner',
  member: 'Make member',
};

/**
 * The members of the household with their roles. Owners change roles and remove others;
 * everyone may leave. Removing and leaving ask for confirmation first; a role change is undone
 * by the opposite button, so it does not ask. Leaving ends the session on this device and keeps its data.
 */
@Component({
  selector: 'fw-household-members',
  templateUrl: './household-members.component.html',
  styleUrl: './household-members.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HouseholdMembersComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly membersService = inject(HouseholdMembersService);
  private readonly sync = inject(SyncClientService);
  private readonly router = inject(Router);

  protected readonly members = this.membersService.members;
  protected readonly myId = computed(() => this.auth.session()?.user.id ?? null);
  protected readonly householdName = computed(() => this.auth.session()?.tenant.name ?? '');
  protected readonly isOwner = computed(() => this.membersService.myRole() === 'owner');
  /** The last owner cannot leave (the server refuses it): say so instead of offering it. */
  protected readonly onlyOwner = computed(
    () =>
      this.isOwner() &&
      (this.members() ?? []).filter((member) => member.role === 'owner').length === 1,
  );
  protected readonly pendingCount = computed(() => this.sync.status().pendingCount);
  protected readonly loadError = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly confirming = signal<Pending | null>(null);
  protected readonly busy = signal(false);

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      await this.membersService.load();
    } catch (error) {
      this.loadError.set(toApiError(error).message);
    }
  }

  protected readonly roleActions = ROLE_ACTIONS;
  protected readonly notice = signal<string | null>(null);

  /** The role a button next to `member` would give them. */
  protected otherRole(member: HouseholdMember): HouseholdRole {
    return member.role === 'owner' ? 'member' : 'owner';
  }

  protected async changeRole(member: HouseholdMember): Promise<void> {
    const role = this.otherRole(member);
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    try {
      await this.membersService.setRole(member.userId, role);
      this.notice.set(`${member.email} is now ${role === 'owner' ? 'an owner' : 'a member'}.`);
    } catch (error) {
      this.error.set(toApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }

  protected askToRemove(member: HouseholdMember): void {
    this.error.set(null);
    this.confirming.set({ kind: 'remove', member });
  }

  protected askToLeave(): void {
    this.error.set(null);
    this.confirming.set({ kind: 'leave' });
  }

  protected cancel(): void {
    this.confirming.set(null);
  }

  protected async confirm(): Promise<void> {
    const pending = this.confirming();
    if (pending === null) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      if (pending.kind === 'remove') {
        await this.membersService.remove(pending.member.userId);
        this.confirming.set(null);
      } else {
        // Changes made here still reach the household when they can be sent before leaving.
        await this.sync
          .client()
          ?.flush(LEAVE_FLUSH_MS)
          .catch(() => undefined);
        await this.membersService.leave();
        this.confirming.set(null);
        await this.router.navigateByUrl('/login');
      }
    } catch (error) {
      this.error.set(toApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
