import { indexTransactions } from '../data/views/transaction-index';
import { accountRow, transactionRow } from '../testing/rows';
import { accountDeleteWarning, rowsDeletedWithAccount } from './account-deletion';

describe('account deletion', () => {
  const giro = accountRow({ name: 'Giro' });
  const savings = accountRow({ name: 'Savings' });

  it('deletes what is booked on the account with its split lines, keeps transfers', () => {
    const coffee = transactionRow({ accountId: giro.id });
    const parent = transactionRow({ accountId: giro.id, amountMinor: -5000 });
    const child = transactionRow({ accountId: giro.id, parentId: parent.id, amountMinor: -2000 });
    const out = transactionRow({ accountId: giro.id, transferAccountId: savings.id });
    const incoming = transactionRow({ accountId: savings.id, transferAccountId: giro.id });
    const index = indexTransactions([coffee, parent, child, out, incoming], [giro, savings]);

    const rows = rowsDeletedWithAccount(
      giro.id,
      (index.byAccount.get(giro.id) ?? []).map((line) => line.transaction),
      index.childrenByParent,
    );
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set([coffee.id, parent.id, child.id]));
    expect(rows.indexOf(child)).toBeLessThan(rows.indexOf(parent));
  });

  it('warns how much goes and what stays', () => {
    expect(accountDeleteWarning('Giro', 0, 0)).toBe('Delete Giro? It has no transactions.');
    expect(accountDeleteWarning('Giro', 3, 1)).toBe(
      'Delete Giro and its 3 transactions? 1 transfer stays in the other accounts. To keep the history, close the account instead.',
    );
  });
});
