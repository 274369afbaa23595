import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { budgetMoves } from './budget-moves';

describe('budget_moves', () => {
  it('is registered for sync', () => {
    expect(findEntity('budget_moves')).toBe(budgetMoves);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(budgetMoves, 'create', sampleData(budgetMoves, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(budgetMoves, 2);
    expect(validateMutationData(budgetMoves, 'create', { ...row, unknownField: 1 }).ok).toBe(false);
    expect(validateMutationData(budgetMoves, 'update', { id: row.id, tenantId: row.id }).ok).toBe(
      false,
    );
  });

  it('requires month, amountMinor on create', () => {
    const row = sampleData(budgetMoves, 3);
    expect(validateMutationData(budgetMoves, 'create', { ...row, month: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(budgetMoves, 'create', { ...row, amountMinor: undefined }).ok).toBe(
      false,
    );
  });
});
