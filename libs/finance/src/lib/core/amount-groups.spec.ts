import { AmountGroups } from './amount-groups';

describe('AmountGroups', () => {
  it('sums amounts per key, in key order, without changing the values it was given', () => {
    const groups = new AmountGroups<{ month: string; amountMinor: number }>();
    const first = { month: '2026-02', amountMinor: 500 };
    groups.add('2026-02', first);
    groups.add('2026-01', { month: '2026-01', amountMinor: -200 });
    groups.add('2026-02', { month: '2026-02', amountMinor: 250 });

    expect(groups.sortedValues()).toEqual([
      { month: '2026-01', amountMinor: -200 },
      { month: '2026-02', amountMinor: 750 },
    ]);
    expect(first.amountMinor).toBe(500);
  });
});
