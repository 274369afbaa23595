import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { toApiError } from '../data/api/api-error';
import { AuthService, type Membership } from '../data/auth/auth.service';
import { SyncClientService } from '../data/sync-client/sync-client.service';

/**
 * The households the user belongs to, with a switch to any other one. The current household's
 * unsynced changes stay in its local database and are sent the next time it is open.
 */
@Component({
  selector: 'fw-household-switcher',
  imports: [ReactiveFormsModule],
  templateUrl: './household-switcher.component.html',
  styleUrl: './household-switcher.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HouseholdSwitcherComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly sync = inject(SyncClientService);
  private readonly router = inject(Router);

  protected readonly currentId = computed(() => this.auth.session()?.tenant.id ?? null);
  protected readonly pendingCount = computed(() => this.sync.status().pendingCount);
  protected readonly memberships = signal<readonly Membership[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  /** The household the user asked to switch to, waiting for the password. */
  protected readonly switchingTo = signal<Membership | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true }),
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.memberships.set(await this.auth.memberships());
    } catch (error) {
      this.loadError.set(toApiError(error).message);
    }
  }

  protected choose(membership: Membership): void {
    this.switchingTo.set(membership);
    this.error.set(null);
    this.form.reset();
  }

  protected cancel(): void {
    this.switchingTo.set(null);
    this.error.set(null);
  }

  protected async switch(): Promise<void> {
    const target = this.switchingTo();
    const password = this.form.controls.password.value;
    if (!target) {
      return;
    }
    if (password === '') {
      this.error.set('Enter your password.');
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      await this.auth.switchHousehold(target.id, password);
      this.switchingTo.set(null);
      await this.router.navigateByUrl('/accounts');
    } catch (error) {
      this.error.set(toApiError(error).message);
    } finally {
      this.pending.set(false);
    }
  }
}
