import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { accountGroups } from './account-groups';

describe('account_groups', () => {
  it('is registered for sync', () => {
    expect(findEntity('account_groups')).toBe(accountGroups);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(accountGroups, 'create', sampleData(accountGroups, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(accountGroups, 2);
    expect(validateMutationData(accountGroups, 'create', { ...row, unknownField: 1 }).ok).toBe(
      false,
    );
    expect(validateMutationData(accountGroups, 'update', { id: row.id, tenantId: row.id }).ok).toBe(
      false,
    );
  });

  it('requires name, sortOrder on create', () => {
    const row = sampleData(accountGroups, 3);
    expect(validateMutationData(accountGroups, 'create', { ...row, name: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(accountGroups, 'create', { ...row, sortOrder: undefined }).ok).toBe(
      false,
    );
  });
});
