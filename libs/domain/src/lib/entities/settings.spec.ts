import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { settings } from './settings';

describe('settings', () => {
  it('is registered for sync', () => {
    expect(findEntity('settings')).toBe(settings);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(settings, 'create', sampleData(settings, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(settings, 2);
    expect(validateMutationData(settings, 'create', { ...row, unknownField: 1 }).ok).toBe(false);
    expect(validateMutationData(settings, 'update', { id: row.id, tenantId: row.id }).ok).toBe(
      false,
    );
  });

  it('requires budgetCurrency on create', () => {
    const row = sampleData(settings, 3);
    expect(validateMutationData(settings, 'create', { ...row, budgetCurrency: undefined }).ok).toBe(
      false,
    );
  });
});
