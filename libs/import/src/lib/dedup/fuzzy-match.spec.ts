import { existing } from '../../testing/dedup-fixtures';
import type { ExistingTransaction } from './existing-transaction';
import type { FuzzyCandidate } from './fuzzy-candidates';
import { fuzzyMatch, type FuzzyLine } from './fuzzy-match';

const candidate = (row: ExistingTransaction, distance: number): FuzzyCandidate => ({
  row,
  side: 'own',
  distance,
  reconciled: false,
});

describe('fuzzyMatch', () => {
  const near = existing({ id: 'near', payeeId: 'shop' });
  const far = existing({ id: 'far', payeeId: 'bakery' });
  const lines: FuzzyLine[] = [
    { index: 0, date: '2026-03-10', amountMinor: -1250, payeeId: 'bakery' },
    { index: 1, date: '2026-03-10', amountMinor: -1250, payeeId: 'shop' },
  ];
  const candidatesFor = () => [candidate(near, 1), candidate(far, 3)];
  const payeeOf = (c: FuzzyCandidate) => c.row.payeeId ?? undefined;

  it('lets every same-payee match win over a nearer row of another payee, whatever the line order', () => {
    const matches = fuzzyMatch(lines, candidatesFor, payeeOf, new Set());
    expect(matches.get(0)?.row.id).toBe('far');
    expect(matches.get(1)?.row.id).toBe('near');
  });

  it('then gives unmatched lines the nearest unclaimed row, claiming each row once', () => {
    const strangers: FuzzyLine[] = [
      { index: 0, date: '2026-03-10', amountMinor: -1250 },
      { index: 1, date: '2026-03-10', amountMinor: -1250, payeeId: 'nobody' },
      { index: 2, date: '2026-03-10', amountMinor: -1250 },
    ];
    const claimed = new Set<string>();
    const matches = fuzzyMatch(strangers, candidatesFor, payeeOf, claimed);
    expect([...matches.entries()].map(([index, c]) => [index, c.row.id])).toEqual([
      [0, 'near'],
      [1, 'far'],
    ]);
    expect(claimed).toEqual(new Set(['near', 'far']));
  });

  it('skips rows claimed before it started', () => {
    const matches = fuzzyMatch([lines[1]], candidatesFor, payeeOf, new Set(['near']));
    expect(matches.get(1)?.row.id).toBe('far');
  });
});
