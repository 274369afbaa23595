import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { toApiError } from '../data/api/api-error';
import { AuthService, type Invite } from '../data/auth/auth.service';
import { HouseholdMembersService } from '../data/auth/household-members.service';
import { SyncClientService } from '../data/sync-client/sync-client.service';
import { USER_LOCALE } from '../shared/locale';
import { BudgetCurrencySettingsComponent } from './budget-currency-settings.component';
import { ChangePasswordComponent } from './change-password.component';
import { HouseholdBackupComponent } from './household-backup.component';
import { HouseholdMembersComponent } from './household-members.component';
import { HouseholdSwitcherComponent } from './household-switcher.component';

/**
 * The household and this device: budget currency, members, invite a member (owners), switch
 * household, backup and restore, password, sign out.
 */
@Component({
  selector: 'fw-settings-page',
  imports: [
    FormsModule,
    RouterLink,
    HouseholdSwitcherComponent,
    HouseholdMembersComponent,
    BudgetCurrencySettingsComponent,
    ChangePasswordComponent,
    HouseholdBackupComponent,
  ],
  templateUrl: './settings-page.component.html',
  styleUrl: './settings-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPageComponent {
  private readonly auth = inject(AuthService);
  private readonly sync = inject(SyncClientService);
  private readonly members = inject(HouseholdMembersService);
  private readonly router = inject(Router);
  private readonly origin = inject(DOCUMENT).defaultView?.location.origin ?? '';
  private readonly locale = inject(USER_LOCALE);

  protected readonly session = this.auth.session;
  /** Only owners invite; until the members are loaded the server has the last word. */
  protected readonly mayInvite = computed(() => this.members.myRole() !== 'member');
  protected readonly pendingCount = computed(() => this.sync.status().pendingCount);
  protected readonly online = computed(() => this.sync.status().online);
  protected readonly invite = signal<(Invite & { link: string }) | null>(null);
  protected readonly inviteError = signal<string | null>(null);
  protected readonly inviting = signal(false);
  protected readonly deleteLocalData = signal(false);
  protected readonly signingOut = signal(false);

  protected async createInvite(): Promise<void> {
    this.inviting.set(true);
    this.inviteError.set(null);
    try {
      const invite = await this.auth.createInvite();
      this.invite.set({
        ...invite,
        link: `${this.origin}/join?code=${encodeURIComponent(invite.code)}`,
      });
    } catch (error) {
      this.inviteError.set(toApiError(error).message);
    } finally {
      this.inviting.set(false);
    }
  }

  protected formatExpiry(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  }

  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.sync.signOut({ deleteLocalData: this.deleteLocalData() });
      await this.router.navigateByUrl('/login');
    } finally {
      this.signingOut.set(false);
    }
  }
}
