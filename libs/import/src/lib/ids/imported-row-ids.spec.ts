import { importedRowIds } from './imported-row-ids';
import { importedTransactionId } from './imported-transaction-id';
import { syntheticImportedId } from './synthetic-imported-ids';

const ACCOUNT = '0b5d2d0e-6a57-4b8e-9d63-6f1e8f0a0001';

describe('importedRowIds', () => {
  it("lists the deterministic id of every readable line's row", () => {
    const ids = importedRowIds(ACCOUNT, [
      { line: 1, date: '2026-03-10', amountMinor: -1, bankId: 'FIT-1' },
      { line: 2, error: 'no amount' },
      { line: 3, date: '2026-03-10', amountMinor: -1 },
    ]);
    expect(ids).toEqual([
      importedTransactionId(ACCOUNT, 'FIT-1'),
      importedTransactionId(ACCOUNT, syntheticImportedId(ACCOUNT, '2026-03-10', -1, undefined, 1)),
    ]);
  });
});
