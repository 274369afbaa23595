import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { budgets } from './budgets';

describe('budgets', () => {
  it('is registered for sync', () => {
    expect(findEntity('budgets')).toBe(budgets);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(budgets, 'create', sampleData(budgets, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(budgets, 2);
    expect(validateMutationData(budgets, 'create', { ...row, unknownField: 1 }).ok).toBe(false);
    expect(validateMutationData(budgets, 'update', { id: row.id, tenantId: row.id }).ok).toBe(
      false,
    );
  });

  it('requires categoryId, month, budgetedMinor on create', () => {
    const row = sampleData(budgets, 3);
    expect(validateMutationData(budgets, 'create', { ...row, categoryId: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(budgets, 'create', { ...row, month: undefined }).ok).toBe(false);
    expect(validateMutationData(budgets, 'create', { ...row, budgetedMinor: undefined }).ok).toBe(
      false,
    );
  });
});
