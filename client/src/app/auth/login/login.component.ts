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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { toApiError } from '../../api/api-error';
import { AuthService } from '../auth.service';

export const MIN_PASSWORD_LENGTH = 8;

export type LoginMode = 'signIn' | 'signUp';
type ValidatedField = 'email' | 'password';

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

  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  /** Route data: /login signs in, /signup and invite links create an account. */
  readonly startMode = input<LoginMode>('signIn');
  /** Query parameter of an invite link (/join?code=…). */
  readonly code = input<string | null>(null);

  protected readonly mode = linkedSignal<LoginMode>(() =>
    this.code() ? 'signUp' : this.startMode(),
  );
  protected readonly isSignUp = computed(() => this.mode() === 'signUp');
  protected readonly pending = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
    tenantName: [''],
    inviteCode: [''],
  });

  constructor() {
    effect(() => {
      const code = this.code();
      if (code) {
        this.form.controls.inviteCode.setValue(code);
      }
    });
  }

  protected toggleMode(): void {
    this.mode.update((mode) => (mode === 'signIn' ? 'signUp' : 'signIn'));
    this.serverError.set(null);
  }

  /** A field's message once the user has left it or tried to submit; null while it is valid. */
  protected errorFor(field: ValidatedField): string | null {
    const control = this.form.controls[field];
    if (control.valid || !(control.touched || this.submitted())) {
      return null;
    }
    if (control.hasError('required')) {
      return field === 'email' ? 'Enter your email address.' : 'Enter your password.';
    }
    if (control.hasError('email')) {
      return 'Enter a valid email address, like name@example.com.';
    }
    if (control.hasError('minlength')) {
      return `Your password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
    }
    return null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.serverError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password, tenantName, inviteCode } = this.form.getRawValue();
    this.pending.set(true);
    try {
      if (this.isSignUp()) {
        await this.auth.signUp({ email: email.trim(), password, tenantName, inviteCode });
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
}
