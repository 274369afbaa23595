import { accountRow, transactionRow } from '../testing/rows';
import { importContext } from './import-context';

describe('importContext', () => {
  const giro = accountRow({ name: 'Giro' });
  const savings = accountRow({ name: 'Savings' });

  it('holds the account’s rows, transfers into it, their split lines and parents, and the rows found by id', () => {
    const own = transactionRow({ accountId: giro.id });
    const transferIn = transactionRow({ accountId: savings.id, transferAccountId: giro.id });
    const parent = transactionRow({ accountId: savings.id });
    const lineOfParent = transactionRow({ accountId: giro.id, parentId: parent.id });
    const lineOfOwn = transactionRow({ accountId: savings.id, parentId: own.id });
    const elsewhere = transactionRow({ accountId: savings.id });
    const deleted = {
      ...transactionRow({ accountId: giro.id }),
      deletedAt: '2026-03-01T00:00:00.000Z-0000-0000000000000009',
    };
    const stale = { ...own, notes: 'read a moment ago' };

    const context = importContext(
      giro.id,
      'EUR',
      {
        transactions: [own, transferIn, parent, lineOfParent, lineOfOwn, elsewhere],
        payees: [],
        categories: [],
        accounts: [giro, savings],
      },
      [deleted, stale],
    );

    expect(context.transactions.map((row) => row.id).sort()).toEqual(
      [own, transferIn, parent, lineOfParent, lineOfOwn, deleted].map((row) => row.id).sort(),
    );
    expect(context.transactions.find((row) => row.id === own.id)).toBe(own);
    expect(context).toMatchObject({
      accountId: giro.id,
      currency: 'EUR',
      accounts: [giro, savings],
    });
  });
});
