import { signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { fieldErrors, issuesOf, type FieldErrors } from '../shared/validation/validation-messages';
import { errorMessage } from './error-message';

type Labels = Readonly<Record<string, string>>;

/**
 * The state of a form that writes through a store: its errors per field and whether a write is
 * under way. A write the sync client refuses with its schema check is worded per field, as the
 * check before the write words it; any other failure becomes a message for the whole form.
 */
export class FormSubmission {
  private readonly errorState = signal<FieldErrors>({});
  private readonly savingState = signal(false);
  private readonly labels: () => Labels;

  readonly errors = this.errorState.asReadonly();
  readonly saving = this.savingState.asReadonly();

  /**
   * @param formId prefix of the form's element ids (`<formId>-<field>-error`)
   * @param labels what the form calls its fields, or how to read them when they can change
   */
  constructor(
    private readonly formId: string,
    labels: Labels | (() => Labels),
  ) {
    this.labels = typeof labels === 'function' ? labels : () => labels;
  }

  /** The id of a field's message, for `aria-describedby`; null while the field has none. */
  errorId(field: string): string | null {
    return this.errorState()[field] ? `${this.formId}-${field}-error` : null;
  }

  /** Shows what the checks before a write found; true when there is nothing to show. */
  accept(errors: FieldErrors): boolean {
    this.errorState.set(errors);
    return Object.keys(errors).length === 0;
  }

  /**
   * Keeps the shown messages in step with what the user types: after every change of `form`,
   * the messages of fields that `check` no longer finds wrong go at once, and those still wrong
   * say what is wrong now. No message appears before the next submit (typing is not an error),
   * and a message for the whole form stays until then. Returns a function that stops watching.
   */
  watch(
    form: { readonly valueChanges: Observable<unknown> },
    check: () => FieldErrors,
  ): () => void {
    const subscription = form.valueChanges.subscribe(() => {
      if (Object.keys(this.errorState()).length > 0) {
        this.recheck(check());
      }
    });
    return () => subscription.unsubscribe();
  }

  /** Narrows the shown messages to the fields `current` still finds wrong (see `watch`). */
  recheck(current: FieldErrors): void {
    const shown = this.errorState();
    const kept: FieldErrors = {};
    for (const field of Object.keys(shown)) {
      const message = field === 'form' ? shown[field] : current[field];
      if (message !== undefined) {
        kept[field] = message;
      }
    }
    if (
      Object.keys(kept).length !== Object.keys(shown).length ||
      Object.keys(shown).some((field) => kept[field] !== shown[field])
    ) {
      this.errorState.set(kept);
    }
  }

  clear(): void {
    this.errorState.set({});
  }

  /** Runs a write (and what follows it) while the form shows it is saving; shows why it failed. */
  async write(write: () => Promise<unknown>): Promise<void> {
    this.savingState.set(true);
    try {
      await write();
    } catch (error) {
      const issues = issuesOf(error);
      this.errorState.set(
        issues ? fieldErrors(issues, this.labels()) : { form: errorMessage(error) },
      );
    } finally {
      this.savingState.set(false);
    }
  }
}
