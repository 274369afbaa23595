import type { LedgerTransaction } from '../core/rows';
import { indexLiveAccounts } from '../ledger/live-accounts';
import { account, row } from '../../testing/fixtures';
import { BudgetLedgerSums } from './budget-ledger-sums';

describe('BudgetLedgerSums', () => {
  const checking = account('checking');
  const savings = account('savings');
  const tracking = account('brokerage', { onBudget: false });
  const dollars = account('dollars', { currency: 'USD' });
  const context = {
    accounts: indexLiveAccounts([checking, savings, tracking, dollars]),
    currency: 'EUR',
  };
  const accountIds = [checking.id, savings.id, tracking.id, dollars.id];
  const figures = (sums: BudgetLedgerSums) => ({
    activity: sums.activityAggregates(),
    remainders: sums.splitRemainders(),
    first: sums.firstLedgerMonth(),
  });

  it('sums as a fresh count does over random rounds of edits, adds and deletes', () => {
    let seed = 17;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const months = ['2026-01-05', '2026-02-10', '2026-03-15'];
    const fresh = (): LedgerTransaction =>
      row({
        accountId: pick(accountIds),
        transferAccountId: random() < 0.2 ? pick(accountIds) : null,
        date: pick(months),
        amountMinor: Math.round(random() * 10_000) - 5_000,
        categoryId: pick(['food', 'rent', null]),
      });

    let rows = new Map(Array.from({ length: 8 }, fresh).map((item) => [item.id, item]));
    let sums = BudgetLedgerSums.of([...rows.values()], context);
    for (let round = 0; round < 150; round += 1) {
      const before = structuredClone(figures(sums));
      const next = new Map(rows);
      const changes: { before?: LedgerTransaction; after?: LedgerTransaction }[] = [];
      for (let edit = 0; edit < 1 + Math.floor(random() * 4); edit += 1) {
        const victim = pick([...next.values()]);
        const roll = random();
        if (roll < 0.2) {
          next.delete(victim.id);
          changes.push({ before: victim });
        } else if (roll < 0.4) {
          const added = fresh();
          next.set(added.id, added);
          changes.push({ after: added });
        } else {
          const edited = { ...fresh(), id: victim.id };
          next.set(victim.id, edited);
          changes.push({ before: victim, after: edited });
        }
      }
      // Several edits of one row in a round reach the sums as one change.
      const netChanges = [...new Set(changes.map((c) => (c.before ?? c.after)?.id))].map((id) => ({
        before: rows.get(id as string),
        after: next.get(id as string),
      }));

      const updated = sums.updated(netChanges, context);

      expect(updated).not.toBeNull();
      expect(figures(updated as BudgetLedgerSums)).toEqual(
        figures(BudgetLedgerSums.of([...next.values()], context)),
      );
      expect(figures(sums)).toEqual(before);
      sums = updated as BudgetLedgerSums;
      rows = next;
    }
  });

  it('declines a change that involves a split', () => {
    const parent = row({ accountId: checking.id, date: '2026-01-05', amountMinor: -5000 });
    const line = row({
      accountId: checking.id,
      date: '2026-01-05',
      parentId: parent.id,
      amountMinor: -2000,
    });
    const sums = BudgetLedgerSums.of([parent, line], context);
    const moved = { ...parent, date: '2026-02-01' };

    expect(sums.updated([{ before: parent, after: moved }], context)).toBeNull();
    expect(sums.updated([{ before: line, after: undefined }], context)).toBeNull();
  });
});
