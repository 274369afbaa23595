import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { importSettings } from './import-settings';

describe('import_settings', () => {
  it('is registered for sync', () => {
    expect(findEntity('import_settings')).toBe(importSettings);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(importSettings, 'create', sampleData(importSettings, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(importSettings, 2);
    expect(validateMutationData(importSettings, 'create', { ...row, unknownField: 1 }).ok).toBe(
      false,
    );
    expect(
      validateMutationData(importSettings, 'update', { id: row.id, tenantId: row.id }).ok,
    ).toBe(false);
  });

  it('requires accountId, options on create', () => {
    const row = sampleData(importSettings, 3);
    expect(
      validateMutationData(importSettings, 'create', { ...row, accountId: undefined }).ok,
    ).toBe(false);
    expect(validateMutationData(importSettings, 'create', { ...row, options: undefined }).ok).toBe(
      false,
    );
  });
});
