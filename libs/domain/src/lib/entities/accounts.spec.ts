import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { accounts } from './accounts';

describe('accounts', () => {
  it('is registered for sync', () => {
    expect(findEntity('accounts')).toBe(accounts);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(accounts, 'create', sampleData(accounts, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(accounts, 2);
    expect(validateMutationData(accounts, 'create', { ...row, unknownField: 1 }).ok).toBe(false);
    expect(validateMutationData(accounts, 'update', { id: row.id, tenantId: row.id }).ok).toBe(
      false,
    );
  });

  it('requires name, type, currency, onBudget, closed, sortOrder on create', () => {
    const row = sampleData(accounts, 3);
    expect(validateMutationData(accounts, 'create', { ...row, name: undefined }).ok).toBe(false);
    expect(validateMutationData(accounts, 'create', { ...row, type: undefined }).ok).toBe(false);
    expect(validateMutationData(accounts, 'create', { ...row, currency: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(accounts, 'create', { ...row, onBudget: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(accounts, 'create', { ...row, closed: undefined }).ok).toBe(false);
    expect(validateMutationData(accounts, 'create', { ...row, sortOrder: undefined }).ok).toBe(
      false,
    );
  });
});
