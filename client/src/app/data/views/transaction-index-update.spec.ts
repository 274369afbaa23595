import type { Transaction } from '@finwise/domain';
import { accountRow, transactionRow } from '../../testing/rows';
import { rowChanges } from '../sync-client/row-changes';
import { indexTransactions } from './transaction-index';
import { updateTransactionIndex } from './transaction-index-update';

describe('updateTransactionIndex', () => {
  const checking = accountRow({ name: 'Checking' });
  const savings = accountRow({ name: 'Savings' });
  const dollars = accountRow({ name: 'Dollars', currency: 'USD' });
  const accounts = [checking, savings, dollars];
  const accountIds = [checking.id, savings.id, dollars.id];
  const byId = (a: Transaction, b: Transaction) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('gives the index a fresh build gives, over random rounds of edits, adds and deletes', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const dates = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-10'];
    const fresh = () =>
      transactionRow({
        accountId: pick(accountIds),
        transferAccountId: random() < 0.3 ? pick(accountIds) : null,
        date: pick(dates),
        amountMinor: Math.round(random() * 10_000) - 5_000,
        cleared: random() < 0.5,
      });

    let rows = Array.from({ length: 60 }, fresh).sort(byId);
    let index = indexTransactions(rows, accounts);
    for (let round = 0; round < 40; round += 1) {
      const next = new Map(rows.map((row) => [row.id, row]));
      const edits = 1 + Math.floor(random() * 8);
      for (let edit = 0; edit < edits; edit += 1) {
        const roll = random();
        const victim = pick([...next.values()]);
        if (roll < 0.2) next.delete(victim.id);
        else if (roll < 0.4) {
          const added = fresh();
          next.set(added.id, added);
        } else {
          next.set(victim.id, {
            ...victim,
            date: pick(dates),
            accountId: pick(accountIds),
            amountMinor: (victim.amountMinor ?? 0) + 1,
          });
        }
      }
      const nextRows = [...next.values()].sort(byId);

      const updated = updateTransactionIndex(index, rowChanges(rows, nextRows) ?? [], accounts);

      expect(updated).not.toBeNull();
      expect(updated).toEqual(indexTransactions(nextRows, accounts));
      index = updated as typeof index;
      rows = nextRows;
    }
  });

  it('leaves the registers it was given untouched', () => {
    const first = transactionRow({ accountId: checking.id, date: '2026-01-01' });
    const index = indexTransactions([first], accounts);
    const handedOut = index.byAccount.get(checking.id);
    const second = transactionRow({ accountId: checking.id, date: '2026-01-02' });

    const updated = updateTransactionIndex(index, [{ before: undefined, after: second }], accounts);

    expect(handedOut?.map((line) => line.transaction)).toEqual([first]);
    expect(updated?.byAccount.get(checking.id)?.map((line) => line.transaction)).toEqual([
      first,
      second,
    ]);
  });

  it('declines changes that involve a split, whose lines and remainder move with it', () => {
    const parent = transactionRow({ accountId: checking.id, amountMinor: -5000 });
    const line = transactionRow({ accountId: checking.id, parentId: parent.id });
    const index = indexTransactions([parent, line], accounts);
    const movedParent = { ...parent, date: '2026-03-01' };
    const newLine = transactionRow({ accountId: checking.id, parentId: parent.id });

    expect(updateTransactionIndex(index, [{ before: parent, after: movedParent }], accounts)).toBe(
      null,
    );
    expect(updateTransactionIndex(index, [{ before: undefined, after: newLine }], accounts)).toBe(
      null,
    );
    // A deleted parent's id is still named by its line: reviving it must re-index too.
    const orphanIndex = indexTransactions([line], accounts);
    expect(
      updateTransactionIndex(orphanIndex, [{ before: undefined, after: parent }], accounts),
    ).toBeNull();
  });
});
