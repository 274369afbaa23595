import type { ValidationIssue } from '@finwise/domain';

/** Message per form field; `form` holds problems that belong to no single field. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * Turns the shared schema's issues ("data.name must not be empty") into sentences a person
 * reads next to the field ("Name must not be empty."). The rules stay in libs/domain; only
 * the wording of field names lives here.
 */
export function fieldErrors(
  issues: readonly ValidationIssue[],
  labels: Readonly<Record<string, string>>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.replace(/^data\.?/, '').split('.')[0] || 'form';
    const text = field === 'form' ? issue.message : `${labels[field] ?? field} ${issue.message}`;
    errors[field] ??= sentence(text.charAt(0).toUpperCase() + text.slice(1));
  }
  return errors;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The issues a sync-client `validation` error carries, if it is one. */
export function issuesOf(error: unknown): ValidationIssue[] | null {
  if (
    typeof error !== 'object' ||
    error === null ||
    (error as { code?: unknown }).code !== 'validation'
  ) {
    return null;
  }
  const details = (error as { details?: unknown }).details;
  return Array.isArray(details) ? (details as ValidationIssue[]) : [];
}
