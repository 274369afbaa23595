import { findEntity } from '@finwise/domain';
import { fieldLabel } from '../entity-pages/field-inputs';

/**
 * How each entity's fields are called on screen. Forms word the shared schema's messages with
 * these, and so do the notices of changes the server refused, so a person reads the same
 * "Amount must be …" wherever the problem is found.
 */
const LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  transactions: {
    accountId: 'Account',
    date: 'Date',
    payee: 'Payee',
    amountMinor: 'Amount',
    notes: 'Notes',
    categoryId: 'Category',
    transferAccountId: 'Transfer account',
    parentId: 'Split parent',
  },
  accounts: {
    name: 'Name',
    type: 'Type',
    currency: 'Currency',
    groupId: 'Group',
    note: 'Note',
    sortOrder: 'Order',
  },
  account_groups: { name: 'Group name', sortOrder: 'Order' },
  categories: { name: 'Name', groupName: 'Group', sortOrder: 'Order' },
  budgets: { categoryId: 'Category', month: 'Month', budgetedMinor: 'Budgeted amount' },
};

/** Field labels of an entity; a generated entity's fields get readable names from their keys. */
export function fieldLabelsOf(modelName: string): Readonly<Record<string, string>> {
  const known = LABELS[modelName];
  if (known) {
    return known;
  }
  const names = findEntity(modelName)?.fieldNames ?? [];
  return Object.fromEntries(names.map((name) => [name, fieldLabel(name)]));
}
