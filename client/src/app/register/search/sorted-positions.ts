/**
 * Set operations on ascending lists of register positions. Posting lists are built in position
 * order, so intersecting two is one merge walk and never a scan of the register.
 */
export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const result: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) {
      i += 1;
    } else if (a[i] > b[j]) {
      j += 1;
    } else {
      result.push(a[i]);
      i += 1;
      j += 1;
    }
  }
  return result;
}

/**
 * The union of several ascending lists of positions below `size`, ascending and without
 * repeats. Few positions are sorted; many (a one-letter search) are marked in a byte per
 * position and read back in order, which beats sorting 100,000 numbers several times over.
 */
export function unionSorted(lists: readonly (readonly number[])[], size: number): number[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length === 0) {
    return [];
  }
  if (nonEmpty.length === 1) {
    return [...nonEmpty[0]];
  }
  let total = 0;
  for (const list of nonEmpty) total += list.length;
  return total * 16 > size ? unionByMarks(nonEmpty, size) : unionBySort(nonEmpty, total);
}

function unionByMarks(lists: readonly (readonly number[])[], size: number): number[] {
  const marks = new Uint8Array(size);
  for (const list of lists) {
    for (const position of list) marks[position] = 1;
  }
  const result: number[] = [];
  for (let position = 0; position < size; position += 1) {
    if (marks[position] === 1) {
      result.push(position);
    }
  }
  return result;
}

function unionBySort(lists: readonly (readonly number[])[], total: number): number[] {
  const all = new Int32Array(total);
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  // A typed array sorts numerically, far faster than a generic comparator would.
  all.sort();
  const result: number[] = [];
  for (let k = 0; k < all.length; k += 1) {
    if (k === 0 || all[k] !== all[k - 1]) {
      result.push(all[k]);
    }
  }
  return result;
}

/** First index in an ascending list whose value is at least `value`. */
export function lowerBound<T>(list: readonly T[], value: T): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle] < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** First index in an ascending list whose value is above `value`. */
export function upperBound<T>(list: readonly T[], value: T): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle] <= value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
