/** A value carrying an amount that sums up per group key. */
export interface Amounted {
  readonly amountMinor: number;
}

/**
 * Groups amounts by key: the first value of a key is copied in, later ones add their amount to
 * it. The copy is owned here and updated in place: a spread per row (`{ ...previous, amountMinor }`,
 * which the app's bundler turns into a slow property-descriptor copy) was most of a budget
 * recount at 20,000 transactions (see bench/README.md, scenario 10).
 */
export class AmountGroups<V extends Amounted> {
  private readonly groups = new Map<string, { -readonly [K in keyof V]: V[K] }>();

  add(key: string, value: V): void {
    const group = this.groups.get(key);
    if (group) group.amountMinor += value.amountMinor;
    else this.groups.set(key, { ...value });
  }

  /** The groups in key order, so equal rows give equal aggregates whatever the rows' order. */
  sortedValues(): V[] {
    return [...this.groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, value]) => value as V);
  }
}
