import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { transactions } from './transactions';

describe('transactions', () => {
  it('is registered for sync', () => {
    expect(findEntity('transactions')).toBe(transactions);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(transactions, 'create', sampleData(transactions, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(transactions, 2);
    expect(validateMutationData(transactions, 'create', { ...row, unknownField: 1 }).ok).toBe(
      false,
    );
    expect(validateMutationData(transactions, 'update', { id: row.id, tenantId: row.id }).ok).toBe(
      false,
    );
  });

  it('requires accountId, date, amountMinor, cleared, reconciled on create', () => {
    const row = sampleData(transactions, 3);
    expect(validateMutationData(transactions, 'create', { ...row, accountId: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(transactions, 'create', { ...row, date: undefined }).ok).toBe(
      false,
    );
    expect(
      validateMutationData(transactions, 'create', { ...row, amountMinor: undefined }).ok,
    ).toBe(false);
    expect(validateMutationData(transactions, 'create', { ...row, cleared: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(transactions, 'create', { ...row, reconciled: undefined }).ok).toBe(
      false,
    );
  });
});
