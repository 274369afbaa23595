/** Finds a row by its id. */
export interface RowLookup<T> {
  get(id: string): T | undefined;
}

/**
 * A lookup by id over a list of rows. The sync client lists rows in id order, so a binary
 * search finds one without building anything: a Map of 100,000 transactions cost 10–20 ms per
 * change, paid again after every edit by whatever looked up one row. Only when the search
 * misses is the order checked, once, and a list in another order (as test doubles give) gets
 * a Map.
 */
export function rowLookup<T extends { readonly id: string }>(rows: readonly T[]): RowLookup<T> {
  let checked = false;
  let fallback: ReadonlyMap<string, T> | null = null;
  return {
    get(id: string): T | undefined {
      let low = 0;
      let high = rows.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (rows[middle].id < id) low = middle + 1;
        else high = middle;
      }
      if (rows[low]?.id === id) return rows[low];
      if (!checked) {
        checked = true;
        if (!inIdOrder(rows)) fallback = new Map(rows.map((row) => [row.id, row]));
      }
      return fallback?.get(id);
    },
  };
}

function inIdOrder(rows: readonly { readonly id: string }[]): boolean {
  for (let index = 1; index < rows.length; index += 1) {
    if (rows[index - 1].id >= rows[index].id) return false;
  }
  return true;
}
