import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { changePasswordRequestSchema, MIN_PASSWORD_LENGTH, toIssues } from '@finwise/domain';
import { toApiError } from '../data/api/api-error';
import { AccountService } from '../data/auth/account.service';
import { fieldErrors, type FieldErrors } from '../shared/validation/validation-messages';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

const LABELS: Readonly<Record<string, string>> = {
  currentPassword: 'Current password',
  newPassword: 'New password',
};

/**
 * Changes the signed-in user's password. The new one is checked with the schema the server
 * uses; this device stays signed in and the server signs out the user's other devices.
 */
@Component({
  selector: 'fw-change-password',
  imports: [ReactiveFormsModule],
  templateUrl: './change-password.component.html',
  styleUrl: './change-password.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordComponent {
  private readonly account = inject(AccountService);

  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly pending = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly notice = signal('');
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: [''],
    newPassword: [''],
    confirmPassword: [''],
  });

  /** A field's message once the user tried to submit; null while it is valid. */
  protected errorFor(field: Field): string | null {
    return this.submitted() ? (this.errors()[field] ?? null) : null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.serverError.set(null);
    this.notice.set('');
    if (Object.keys(this.errors()).length > 0) {
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.pending.set(true);
    try {
      await this.account.changePassword(currentPassword, newPassword);
      this.form.reset();
      this.submitted.set(false);
      this.notice.set(
        'Your password was changed. Your other devices are signed out and need the new password.',
      );
    } catch (error) {
      this.serverError.set(toApiError(error).message);
    } finally {
      this.pending.set(false);
    }
  }

  private errors(): FieldErrors {
    const { currentPassword, newPassword, confirmPassword } = this.form.getRawValue();
    const parsed = changePasswordRequestSchema.safeParse({ currentPassword, newPassword });
    const errors = parsed.success ? {} : fieldErrors(toIssues(parsed.error), LABELS);
    if (currentPassword === '') {
      errors['currentPassword'] = 'Enter your current password.';
    }
    if (newPassword === '') {
      errors['newPassword'] = 'Enter a new password.';
    }
    if (confirmPassword !== newPassword) {
      errors['confirmPassword'] = 'The two new passwords are not the same.';
    }
    return errors;
  }
}
