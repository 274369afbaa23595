import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { startWith } from 'rxjs';
import { toApiError } from '../../data/api/api-error';
import { AuthService } from '../../data/auth/auth.service';
import { joinErrors } from '../auth-form-errors';
import { invitedHousehold } from '../invited-household';

/** A signed-in user joins another household with an invite code; the app then switches to it. */
@Component({
  selector: 'fw-join',
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './join.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JoinComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** From an invite link (/join?code=…); the router sets `undefined` when the link has none. */
  readonly code = input<string | null, string | null | undefined>(null, {
    transform: (code) => code ?? null,
  });

  protected readonly session = this.auth.session;
  protected readonly pending = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [''],
  });

  /** Which household the code joins, said before the user commits to it. */
  protected readonly invitedHousehold = invitedHousehold(
    this.form.controls.code.valueChanges.pipe(startWith(this.form.controls.code.value)),
  );
  protected readonly joiningName = computed(() => {
    const invited = this.invitedHousehold();
    return invited.state === 'found' ? invited.name : null;
  });

  constructor() {
    effect(() => {
      const code = this.code();
      untracked(() => code && this.form.controls.code.setValue(code));
    });
  }

  /** After a submit: a plain request for a missing code, else the shared schema's verdict. */
  protected codeError(): string | null {
    if (!this.submitted()) {
      return null;
    }
    const code = this.form.controls.code.value;
    return code.trim() === ''
      ? 'Enter the invite code you were given.'
      : (joinErrors({ code })['code'] ?? null);
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.serverError.set(null);
    if (this.codeError()) {
      return;
    }
    this.pending.set(true);
    try {
      await this.auth.joinHousehold(this.form.controls.code.value);
      await this.router.navigateByUrl('/accounts');
    } catch (error) {
      this.serverError.set(toApiError(error).message);
    } finally {
      this.pending.set(false);
    }
  }
}
