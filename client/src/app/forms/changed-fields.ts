/**
 * Only the fields the user changed. Sending unchanged fields would stamp them with a new
 * clock and overwrite what another device changed meanwhile: per-field merging only keeps
 * both edits when each device sends just its own.
 */
export function changedFields<T extends object>(before: T, after: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && after[key] !== before[key]) {
      changes[key] = after[key];
    }
  }
  return changes;
}
