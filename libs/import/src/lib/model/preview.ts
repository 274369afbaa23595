/** FINANCE §5 preview statuses. */
export type PreviewStatus = 'new' | 'match' | 'duplicate' | 'locked' | 'error';

/** One row of `POST /api/accounts/:id/import/preview` (FINANCE §5). */
export interface PreviewRow {
  readonly line: number;
  readonly status: PreviewStatus;
  readonly date?: string;
  readonly rawDate?: string;
  readonly amountMinor?: number;
  readonly payee?: string;
  readonly notes?: string;
  readonly importedId?: string;
  /** The existing transaction a `match`, `duplicate` or `locked` row lands on. */
  readonly matchedId?: string;
  /** A `duplicate` row whose row the user deleted: only `reimportDeleted` brings it back. */
  readonly deleted?: true;
  readonly error?: string;
  /** What the reader changed to read the line (the line still imports): check it. */
  readonly warning?: string;
}

export interface PreviewSummary {
  readonly new: number;
  readonly match: number;
  readonly duplicate: number;
  readonly locked: number;
  readonly error: number;
}
