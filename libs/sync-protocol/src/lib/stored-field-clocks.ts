/**
 * How the server stores a row's field clocks in its `field_clocks` column; shared so that a
 * test reading the database directly sees the clocks as the server does. A create stamps every
 * field with its one HLC and most edits touch a field or two, so nearly all of a row's clocks
 * are the same: the stored form names that clock once as `*` and lists only the fields that
 * differ (a field with no clock as `null`). Spelled out, the clocks were about three quarters of
 * a stored transaction; see bench/README.md (push) for what the compact form saves. Records keep
 * the full map (DESIGN §6): only this column's form changes, and a row stored in the full form
 * (written before, or with no clock shared by two fields) reads as it was. A migration that
 * edits the column in SQL must handle both forms.
 */
export type StoredFieldClocks = Record<string, string | null>;

const SHARED = '*';

/** The stored form of `clocks` for an entity with `fieldNames`. */
export function compactFieldClocks(
  clocks: Readonly<Record<string, string>>,
  fieldNames: readonly string[],
): StoredFieldClocks {
  const shared = mostCommonClock(clocks, fieldNames);
  if (shared === undefined) return { ...clocks };
  const stored: StoredFieldClocks = { [SHARED]: shared };
  let fieldsWithClock = 0;
  for (const field of fieldNames) {
    const clock = clocks[field];
    if (clock !== undefined) fieldsWithClock += 1;
    if (clock !== shared) stored[field] = clock ?? null;
  }
  // Clocks of names that are not (or no longer) fields are kept as they are. Looked for only
  // when there are more clocks than fields with one: a name search per clock on every pushed
  // row is work the usual row does not need.
  const names = Object.keys(clocks);
  if (names.length > fieldsWithClock) {
    for (const name of names) if (!fieldNames.includes(name)) stored[name] = clocks[name];
  }
  return stored;
}

/** The full map of a stored `field_clocks` value, in either form. */
export function expandFieldClocks(
  stored: Readonly<StoredFieldClocks> | null | undefined,
  fieldNames: readonly string[],
): Record<string, string> {
  if (!stored) return {};
  const shared = stored[SHARED];
  if (typeof shared !== 'string') return stored as Record<string, string>;
  const clocks: Record<string, string> = {};
  for (const field of fieldNames) {
    const clock = field in stored ? stored[field] : shared;
    if (clock) clocks[field] = clock;
  }
  for (const [name, clock] of Object.entries(stored)) {
    if (name !== SHARED && clock && !(name in clocks)) clocks[name] = clock;
  }
  return clocks;
}

/** The clock most fields carry, when at least two share it (else compacting saves nothing). */
function mostCommonClock(
  clocks: Readonly<Record<string, string>>,
  fieldNames: readonly string[],
): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 1;
  for (const field of fieldNames) {
    const clock = clocks[field];
    if (clock === undefined) continue;
    const count = (counts.get(clock) ?? 0) + 1;
    counts.set(clock, count);
    if (count > bestCount) {
      best = clock;
      bestCount = count;
    }
  }
  return best;
}
