import { CHECKING, SAVINGS, existing } from '../../testing/dedup-fixtures';
import { importedTransactionId } from '../ids/imported-transaction-id';
import { exactMatcher } from './exact-match';

describe('exactMatcher', () => {
  it("finds the row with the line's deterministic id, even a tombstone that kept no fields", () => {
    const id = importedTransactionId(CHECKING, 'FIT-1');
    const tombstone = {
      id,
      accountId: null,
      date: null,
      amountMinor: null,
      cleared: null,
      reconciled: null,
      deletedAt: '2026-03-01T00:00:00.000Z',
    };
    expect(exactMatcher(CHECKING, [tombstone])('FIT-1')).toBe(tombstone);
    expect(exactMatcher(CHECKING, [tombstone])('FIT-2')).toBeUndefined();
  });

  it('finds a row of this account that carries the imported id, live before deleted', () => {
    const deleted = existing({
      id: 'a',
      importedId: 'FIT-1',
      deletedAt: '2026-03-01T00:00:00.000Z',
    });
    const live = existing({ id: 'b', importedId: 'FIT-1' });
    const elsewhere = existing({ id: 'c', accountId: SAVINGS, importedId: 'FIT-2' });
    const find = exactMatcher(CHECKING, [deleted, live, elsewhere]);
    expect(find('FIT-1')?.id).toBe('b');
    expect(exactMatcher(CHECKING, [deleted])('FIT-1')?.id).toBe('a');
    expect(find('FIT-2')).toBeUndefined();
  });

  it('finds a transfer whose side in this account already claimed the id', () => {
    const transfer = existing({
      id: 'move',
      accountId: SAVINGS,
      transferAccountId: CHECKING,
      transferImportedId: 'FIT-3',
      importedId: 'SAV-1',
    });
    const find = exactMatcher(CHECKING, [transfer]);
    expect(find('FIT-3')?.id).toBe('move');
    // The other account's own bank id is not this account's.
    expect(find('SAV-1')).toBeUndefined();
  });
});
