import type { RegisterItem } from '../register-items';

/**
 * Where each line's block (its row, split lines and remainder) sits in the register's items,
 * which run newest first: position p (oldest first) is the (size - 1 - p)-th block. One pass
 * per change of the register, so showing a result costs only the rows it shows.
 */
export function blockStarts(items: readonly RegisterItem[]): Int32Array {
  const entries = items.filter((item) => item.kind === 'entry').length;
  const starts = new Int32Array(entries + 1);
  let block = 0;
  items.forEach((item, at) => {
    if (item.kind === 'entry') {
      starts[block] = at;
      block += 1;
    }
  });
  starts[entries] = items.length;
  return starts;
}

/** The blocks of the matched positions, newest first, with their running balances as they were. */
export function filteredRegisterItems(
  items: readonly RegisterItem[],
  starts: Int32Array,
  positionsAscending: readonly number[],
): RegisterItem[] {
  const size = starts.length - 1;
  const result: RegisterItem[] = [];
  for (let k = positionsAscending.length - 1; k >= 0; k -= 1) {
    const block = size - 1 - positionsAscending[k];
    for (let at = starts[block]; at < starts[block + 1]; at += 1) {
      result.push(items[at]);
    }
  }
  return result;
}
