import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { reconciliations } from './reconciliations';

describe('reconciliations', () => {
  it('is registered for sync', () => {
    expect(findEntity('reconciliations')).toBe(reconciliations);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(reconciliations, 'create', sampleData(reconciliations, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(reconciliations, 2);
    expect(validateMutationData(reconciliations, 'create', { ...row, unknownField: 1 }).ok).toBe(
      false,
    );
    expect(
      validateMutationData(reconciliations, 'update', { id: row.id, tenantId: row.id }).ok,
    ).toBe(false);
  });

  it('requires accountId, statementDate, statementBalanceMinor, clearedTotalMinor on create', () => {
    const row = sampleData(reconciliations, 3);
    expect(
      validateMutationData(reconciliations, 'create', { ...row, accountId: undefined }).ok,
    ).toBe(false);
    expect(
      validateMutationData(reconciliations, 'create', { ...row, statementDate: undefined }).ok,
    ).toBe(false);
    expect(
      validateMutationData(reconciliations, 'create', { ...row, statementBalanceMinor: undefined })
        .ok,
    ).toBe(false);
    expect(
      validateMutationData(reconciliations, 'create', { ...row, clearedTotalMinor: undefined }).ok,
    ).toBe(false);
  });
});
