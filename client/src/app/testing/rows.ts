import type {
  Account,
  AccountGroup,
  Budget,
  Category,
  Payee,
  Reconciliation,
  Transaction,
} from '@finwise/domain';
import { budgetId, payeeIdFor, type SyncedEntityDefinition } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import type { SyncRow } from '@finwise/sync-client';

let counter = 0;

/** A UUID that is unique per test run and readable in failure output. */
function testId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

function meta(id: string | undefined, clock: string) {
  return {
    id: id ?? testId(),
    createdAt: null,
    updatedAt: clock,
    deletedAt: null,
    fieldClocks: { accountId: clock },
  };
}

const CLOCK = '2026-01-01T00:00:00.000Z-0000-0000000000000001';

export function transactionRow(
  overrides: Partial<Transaction> & Pick<Transaction, 'accountId'>,
): Transaction {
  return {
    ...meta(overrides.id, overrides.updatedAt ?? CLOCK),
    date: '2026-01-15',
    amountMinor: -1000,
    payeeId: null,
    importedId: null,
    importedPayee: null,
    notes: null,
    categoryId: null,
    cleared: false,
    reconciled: false,
    transferAccountId: null,
    transferAmountMinor: null,
    transferCleared: null,
    transferReconciled: null,
    transferImportedId: null,
    parentId: null,
    ...overrides,
  };
}

/** A payee with the id the app gives a new name (`payeeIdFor`), unless one is given. */
export function payeeRow(overrides: Partial<Payee> & Pick<Payee, 'name'>): Payee {
  return {
    ...meta(overrides.id ?? payeeIdFor(overrides.name ?? ''), CLOCK),
    defaultCategoryId: null,
    favorite: false,
    mergedIntoId: null,
    ...overrides,
  };
}

export function reconciliationRow(
  overrides: Partial<Reconciliation> & Pick<Reconciliation, 'accountId'>,
): Reconciliation {
  return {
    ...meta(overrides.id, CLOCK),
    statementDate: '2026-01-31',
    statementBalanceMinor: 0,
    clearedTotalMinor: 0,
    adjustmentId: null,
    ...overrides,
  };
}

export function accountRow(overrides: Partial<Account> = {}): Account {
  return {
    ...meta(overrides.id, CLOCK),
    name: 'Checking',
    groupId: null,
    type: 'checking',
    currency: 'EUR',
    onBudget: true,
    closed: false,
    sortOrder: 10,
    note: null,
    ...overrides,
  };
}

export function accountGroupRow(overrides: Partial<AccountGroup> = {}): AccountGroup {
  return { ...meta(overrides.id, CLOCK), name: 'Everyday', sortOrder: 10, ...overrides };
}

export function categoryRow(overrides: Partial<Category> = {}): Category {
  return {
    ...meta(overrides.id, CLOCK),
    name: 'Groceries',
    groupName: 'Living',
    isIncome: false,
    hidden: false,
    sortOrder: 10,
    carryOverspending: false,
    ...overrides,
  };
}

export function budgetRow(categoryId: string, month: string, budgetedMinor: number): Budget {
  return { ...meta(budgetId(categoryId, month), CLOCK), categoryId, month, budgetedMinor };
}

/** A complete row of any synced entity (a generated one too), from the shared sample data. */
export function syncedRow(entity: SyncedEntityDefinition, seed: number): SyncRow {
  const { id, ...fields } = sampleData(entity, seed);
  const full = Object.fromEntries(entity.fieldNames.map((name) => [name, fields[name] ?? null]));
  return { ...meta(id, CLOCK), fieldClocks: {}, ...full } as SyncRow;
}
