import type { PreviewStatus } from '@finwise/import';

/** Each status in words, so it never rests on colour alone. */
export const STATUS_TEXT: Readonly<Record<PreviewStatus, string>> = {
  new: 'New',
  match: 'Matches a transaction',
  duplicate: 'Duplicate, skipped',
  locked: 'Reconciled, skipped',
  error: 'Error',
};

/** A duplicate whose transaction the user deleted: only "import again" brings it back. */
export const DELETED_DUPLICATE_TEXT = 'Deleted earlier, skipped';
