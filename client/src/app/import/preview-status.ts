import type { PreviewStatus } from '@finwise/import';

/** Each status in words, so it never rests on colour alone. */
export const STATUS_TEXT: Readonly<Record<PreviewStatus, string>> = {
  new: 'New',
  match: 'Matches a transaction',
  duplicate: 'Duplicate, skipped',
  locked: 'Reconciled, skipped',
  error: 'Error',
};
