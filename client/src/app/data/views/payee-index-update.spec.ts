import type { Transaction } from '@finwise/domain';
import { payeeRow, transactionRow } from '../../testing/rows';
import { rowChanges } from '../sync-client/row-changes';
import { indexPayees } from './payee-index';
import { updatePayeeIndex } from './payee-index-update';

describe('updatePayeeIndex', () => {
  const bakery = payeeRow({ name: 'Bakery' });
  const corner = payeeRow({ name: 'Corner shop', mergedIntoId: bakery.id });
  const landlord = payeeRow({ name: 'Landlord' });
  const gym = payeeRow({ name: 'Gym', favorite: true });
  const payees = [bakery, corner, landlord, gym];
  const byId = (a: Transaction, b: Transaction) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('counts as a fresh index does, or declines, over random rounds of edits', () => {
    let seed = 5;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const payeeIds = [...payees.map((payee) => payee.id), null];
    const dates = ['2026-01-01', '2026-01-02', '2026-01-03'];
    const categories = ['food', 'rent', null];
    let clock = 0;
    const stamp = () => `2026-01-01T00:00:00.000Z-${String((clock += 1)).padStart(4, '0')}-node`;
    const fresh = () =>
      transactionRow({
        accountId: 'a',
        payeeId: pick(payeeIds),
        date: pick(dates),
        categoryId: pick(categories),
        updatedAt: stamp(),
      });

    let rows = Array.from({ length: 20 }, fresh).sort(byId);
    let index = indexPayees(payees, rows);
    let applied = 0;
    for (let round = 0; round < 400; round += 1) {
      const next = new Map(rows.map((row) => [row.id, row]));
      const victim = pick([...next.values()]);
      const roll = random();
      if (roll < 0.15) next.delete(victim.id);
      else if (roll < 0.3) {
        const added = fresh();
        next.set(added.id, added);
      } else {
        next.set(victim.id, {
          ...victim,
          updatedAt: stamp(),
          ...(random() < 0.5 ? { amountMinor: (victim.amountMinor ?? 0) + 1 } : {}),
          ...(random() < 0.3 ? { payeeId: pick(payeeIds) } : {}),
          ...(random() < 0.3 ? { categoryId: pick(categories) } : {}),
          ...(random() < 0.4 ? { date: pick(dates) } : {}),
        });
      }
      const nextRows = [...next.values()].sort(byId);
      const fromScratch = indexPayees(payees, nextRows);

      const updated = updatePayeeIndex(index, rowChanges(rows, nextRows) ?? []);

      if (updated) {
        applied += 1;
        expect(updated.byId).toEqual(fromScratch.byId);
        expect(updated.suggestions).toEqual(fromScratch.suggestions);
        expect(updated.merged).toEqual(fromScratch.merged);
        expect(updated.newest).toEqual(fromScratch.newest);
      }
      index = updated ?? fromScratch;
      rows = nextRows;
    }
    // Most edits are applied: a row edited in place stays its payee's newest.
    expect(applied).toBeGreaterThan(250);
  });
});
