/**
 * Cursors are opaque to clients: a position in a tenant's change feed (its `serverSeq`).
 * The `c` prefix and base-36 body keep them short and make accidental numeric use fail loudly.
 */
export const CURSOR_PATTERN = /^c([0-9a-z]{1,11})$/;

export function encodeCursor(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 0)
    throw new RangeError(`Invalid change-feed position: ${seq}`);
  return `c${seq.toString(36)}`;
}

/** Returns the feed position, or null when the cursor is malformed. `null` input means "from the start". */
export function decodeCursor(cursor: string): number | null {
  const match = typeof cursor === 'string' ? CURSOR_PATTERN.exec(cursor) : null;
  if (!match) return null;
  const seq = parseInt(match[1], 36);
  if (!Number.isSafeInteger(seq) || encodeCursor(seq) !== cursor) return null;
  return seq;
}
