import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { budgetMonths } from './budget-months';

describe('budget_months', () => {
  it('is registered for sync', () => {
    expect(findEntity('budget_months')).toBe(budgetMonths);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(budgetMonths, 'create', sampleData(budgetMonths, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(budgetMonths, 2);
    expect(validateMutationData(budgetMonths, 'create', { ...row, unknownField: 1 }).ok).toBe(
      false,
    );
    expect(validateMutationData(budgetMonths, 'update', { id: row.id, tenantId: row.id }).ok).toBe(
      false,
    );
  });

  it('requires month, heldMinor on create', () => {
    const row = sampleData(budgetMonths, 3);
    expect(validateMutationData(budgetMonths, 'create', { ...row, month: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(budgetMonths, 'create', { ...row, heldMinor: undefined }).ok).toBe(
      false,
    );
  });
});
