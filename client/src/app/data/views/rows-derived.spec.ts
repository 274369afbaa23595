import { signal } from '@angular/core';
import { derivedFromRows } from './rows-derived';

interface Row {
  id: string;
  amount: number;
}

describe('derivedFromRows', () => {
  const rowsOf = (...amounts: number[]) =>
    amounts.map((amount, index) => ({ id: `r${index}`, amount }));

  function sumOf(rows: () => readonly Row[], other: () => string) {
    const calls: string[] = [];
    const total = derivedFromRows({
      rows,
      other,
      build: (list: readonly Row[]) => {
        calls.push('build');
        return list.reduce((sum, row) => sum + row.amount, 0);
      },
      update: (previous: number, changes) => {
        calls.push(`update ${changes.length}`);
        if (changes.some(({ after }) => after && after.amount < 0)) return null;
        return changes.reduce(
          (sum, { before, after }) => sum - (before?.amount ?? 0) + (after?.amount ?? 0),
          previous,
        );
      },
    });
    return { total, calls };
  }

  it('updates from the rows that changed, and builds afresh when it must', () => {
    const rows = signal<readonly Row[]>(rowsOf(1, 2, 3, 4));
    const other = signal('EUR');
    const { total, calls } = sumOf(rows, other);
    expect(total()).toBe(10);

    const edited = rows().slice();
    edited[1] = { id: 'r1', amount: 20 };
    rows.set(edited);
    expect(total()).toBe(28);

    other.set('USD');
    expect(total()).toBe(28);

    const refused = rows().slice();
    refused[0] = { id: 'r0', amount: -1 };
    rows.set(refused);
    expect(total()).toBe(26);

    rows.set(rowsOf(5, 5, 5, 5));
    expect(total()).toBe(20);

    expect(calls).toEqual(['build', 'update 1', 'build', 'update 1', 'build', 'build']);
  });
});
