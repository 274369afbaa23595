import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { startWith } from 'rxjs';
import { Router } from '@angular/router';
import { MIN_PASSWORD_LENGTH } from '@finwise/domain';
import { toApiError } from '../../data/api/api-error';
import { AuthService } from '../../data/auth/auth.service';
import { HouseholdSettings } from '../../data/settings/household-settings.service';
import { StarterCategories } from '../../data/starter/starter-categories.service';
import { USER_LOCALE } from '../../shared/locale';
import { currencyOptions } from '../../shared/money/currency-options';
import type { FieldErrors } from '../../shared/validation/validation-messages';
import { logInErrors, signUpErrors } from '../auth-form-errors';
import { invitedHousehold } from '../invited-household';

export type LoginMode = 'signIn' | 'signUp';
type Field = 'email' | 'password' | 'tenantName' | 'inviteCode';

const REQUIRED: Partial<Record<Field, string>> = {
  email: 'Enter your email address.',
  password: 'Enter your password.',
};

@Component({
  selector: 'fw-login',
  imports: [ReactiveFormsModule],
  templateUrl: './login.component.html',
  styleUrl: './login.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly householdSettings = inject(HouseholdSettings);
  private readonly starterCategories = inject(StarterCategories);

  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly currencies = currencyOptions(inject(USER_LOCALE));
  /**
   * Route data: /login signs in, /signup and invite links create an account. The router's input
   * binding sets every input the route does not carry to `undefined` (not to its default), so a
   * missing value must still mean "sign in": an undefined mode made the first toggle a no-op.
   */
  readonly startMode = input<LoginMode, LoginMode | null | undefined>('signIn', {
    transform: (mode) => mode ?? 'signIn',
  });
  /** Query parameter of an invite link (/join?code=…). */
  readonly code = input<string | null, string | null | undefined>(null, {
    transform: (code) => code ?? null,
  });

  protected readonly mode = linkedSignal<LoginMode>(() =>
    this.code() ? 'signUp' : this.startMode(),
  );
  protected readonly isSignUp = computed(() => this.mode() === 'signUp');
  protected readonly pending = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverError = signal<string | null>(null);
  /** Why the app signed the user out on its own (removed from, or left, a household). */
  protected readonly notice = this.auth.signedOutNotice;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [''],
    password: [''],
    tenantName: [''],
    inviteCode: [''],
    budgetCurrency: ['EUR'],
    suggestedCategories: [true],
  });

  /** Which household the invite code joins, so the page can say so before the account exists. */
  protected readonly invitedHousehold = invitedHousehold(
    this.form.controls.inviteCode.valueChanges.pipe(startWith(this.form.controls.inviteCode.value)),
  );

  protected readonly joiningName = computed(() => {
    const invited = this.invitedHousehold();
    return invited.state === 'found' ? invited.name : null;
  });

  constructor() {
    effect(() => {
      const code = this.code();
      if (code) {
        this.form.controls.inviteCode.setValue(code);
      }
    });
  }

  /**
   * With an invite code the user joins a household that already has its name and budget
   * currency, so neither is asked for.
   */
  protected createsHousehold(): boolean {
    return this.form.controls.inviteCode.value.trim() === '';
  }

  protected toggleMode(): void {
    this.mode.set(this.isSignUp() ? 'signIn' : 'signUp');
    this.serverError.set(null);
  }

  /** A field's message once the user has left it or tried to submit; null while it is valid. */
  protected errorFor(field: Field): string | null {
    const control = this.form.controls[field];
    if (!(control.touched || this.submitted())) {
      return null;
    }
    return this.errors()[field] ?? null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.serverError.set(null);
    if (Object.keys(this.errors()).length > 0) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password, tenantName, inviteCode, budgetCurrency, suggestedCategories } =
      this.form.getRawValue();
    this.pending.set(true);
    try {
      if (this.isSignUp()) {
        const createsHousehold = this.createsHousehold();
        await this.auth.signUp({
          email: email.trim(),
          password,
          ...(createsHousehold ? { tenantName } : { inviteCode }),
        });
        if (createsHousehold) {
          await this.saveBudgetCurrency(budgetCurrency);
          if (suggestedCategories) {
            await this.addStarterCategories();
          }
        }
      } else {
        await this.auth.logIn({ email: email.trim(), password });
      }
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.serverError.set(toApiError(error).message);
    } finally {
      this.pending.set(false);
    }
  }

  /**
   * The new household's settings row, written locally (and synced) as soon as its database is
   * open. The account exists by now, so a failure here must not keep the user out: the
   * currency can still be chosen in Settings.
   */
  private async saveBudgetCurrency(budgetCurrency: string): Promise<void> {
    try {
      await this.householdSettings.setBudgetCurrencyOnceOpen(budgetCurrency);
    } catch (error) {
      console.error('Saving the budget currency failed', error);
    }
  }

  /** Like the currency: the account exists, so a failure leaves an empty category list to fill. */
  private async addStarterCategories(): Promise<void> {
    try {
      await this.starterCategories.addOnceOpen();
    } catch (error) {
      console.error('Adding the suggested categories failed', error);
    }
  }

  /** Empty required fields get a plain request; everything else is the shared schema's verdict. */
  private errors(): FieldErrors {
    const { email, password, tenantName, inviteCode } = this.form.getRawValue();
    const errors = this.isSignUp()
      ? signUpErrors({
          email,
          password,
          // Blank optional fields are left out of the request (see AuthService.signUp).
          ...(inviteCode.trim() ? { inviteCode } : tenantName.trim() ? { tenantName } : {}),
        })
      : logInErrors({ email, password });
    // A password may be all spaces; an email address may not.
    if (email.trim() === '') {
      errors['email'] = REQUIRED.email;
    }
    if (password === '') {
      errors['password'] = REQUIRED.password;
    }
    return errors;
  }
}
