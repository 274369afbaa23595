import type { ReferenceRule, RowRule } from '../row-rules';

const isTransfer = (row: Readonly<Record<string, unknown>>) => row['transferAccountId'] != null;

/** A transfer-side field may hold a value only on a transfer; `false` and null always pass. */
const onlyOnTransfer = (field: string, what: string) => ({
  path: field,
  message: `may only be set on a transfer (a row with transferAccountId): ${what}`,
  holds: (row: Readonly<Record<string, unknown>>) =>
    isTransfer(row) || row[field] == null || row[field] === false,
});

/** The ledger's single-row rules (FINANCE §2), checked on the row as it is after a write. */
export const TRANSACTION_ROW_RULES: readonly RowRule[] = [
  {
    path: 'transferAccountId',
    message: 'must differ from accountId (a transfer to the same account)',
    holds: (row) => !isTransfer(row) || row['transferAccountId'] !== row['accountId'],
  },
  onlyOnTransfer('transferAmountMinor', 'the amount the other account books'),
  onlyOnTransfer('transferCleared', 'whether the other side is cleared'),
  onlyOnTransfer('transferReconciled', 'whether the other side is reconciled'),
  onlyOnTransfer('transferImportedId', "the other side's bank id"),
  {
    path: 'parentId',
    message: 'must name another transaction (a row cannot be its own split parent)',
    holds: (row) => row['parentId'] == null || row['parentId'] !== row['id'],
  },
];

/** The rules that read a split line's parent; the server applies them (FINANCE §2). */
export const TRANSACTION_REFERENCE_RULES: readonly ReferenceRule[] = [
  {
    via: 'parentId',
    entity: 'transactions',
    path: 'parentId',
    message: 'must name a transaction that is no split line itself (no nested splits)',
    holds: (_row, parent) => parent['parentId'] == null,
  },
  {
    via: 'parentId',
    entity: 'transactions',
    path: 'transferAccountId',
    message: "must differ from the split parent's account (a split line cannot transfer into it)",
    holds: (row, parent) =>
      row['transferAccountId'] == null || row['transferAccountId'] !== parent['accountId'],
  },
];
