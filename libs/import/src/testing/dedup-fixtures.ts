import type { FinanceMutation } from '@finwise/finance';
import type { ExistingTransaction } from '../lib/dedup/existing-transaction';
import type { ImportContext } from '../lib/plan/plan-import';
import type { ParsedStatement, StatementLine } from '../lib/model/statement';

export const CHECKING = '0b5d2d0e-6a57-4b8e-9d63-6f1e8f0a0001';
export const SAVINGS = '0b5d2d0e-6a57-4b8e-9d63-6f1e8f0a0002';
export const DOLLARS = '0b5d2d0e-6a57-4b8e-9d63-6f1e8f0a0003';

export function statement(
  lines: readonly StatementLine[],
  format: ParsedStatement['format'] = 'csv',
): ParsedStatement {
  return { format, encoding: 'utf-8', lines };
}

export function context(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    accountId: CHECKING,
    currency: 'EUR',
    transactions: [],
    payees: [],
    categories: [],
    accounts: [
      { id: CHECKING, name: 'Checking', currency: 'EUR' },
      { id: SAVINGS, name: 'Savings', currency: 'EUR' },
      { id: DOLLARS, name: 'Dollars', currency: 'USD' },
    ],
    ...overrides,
  };
}

/** A stored row with the fields a manual entry has; override what a test is about. */
export function existing(
  overrides: Partial<ExistingTransaction> & { id: string },
): ExistingTransaction {
  return {
    accountId: CHECKING,
    date: '2026-03-10',
    amountMinor: -1250,
    cleared: false,
    reconciled: false,
    ...overrides,
  };
}

/**
 * Applies creates, updates and deletes to rows the way a per-field merge would (a create of an
 * existing id merges its fields into the row; a delete leaves a tombstone without fields, of a
 * known id or not, and a tombstone takes no later write), for round trips in tests.
 */
export function applyMutations(
  rows: readonly ExistingTransaction[],
  mutations: readonly FinanceMutation[],
): ExistingTransaction[] {
  const byId = new Map(rows.map((row) => [row.id, { ...row } as Record<string, unknown>]));
  for (const mutation of mutations) {
    if (mutation.modelName !== 'transactions') continue;
    const known = byId.get(mutation.data.id);
    if (known?.['deletedAt']) continue;
    if (mutation.operation === 'delete') {
      byId.set(mutation.data.id, { ...tombstone(mutation.data.id) });
      continue;
    }
    byId.set(mutation.data.id, { ...(known ?? {}), ...mutation.data });
  }
  return [...byId.values()] as unknown as ExistingTransaction[];
}

/** A deleted row as every replica stores it: the id and the delete, no fields. */
export function tombstone(id: string): ExistingTransaction {
  return {
    id,
    accountId: null,
    date: null,
    amountMinor: null,
    cleared: null,
    reconciled: null,
    deletedAt: '2026-12-01T00:00:00.000Z',
  } as unknown as ExistingTransaction;
}
