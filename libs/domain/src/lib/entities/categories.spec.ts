import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { categories } from './categories';

describe('categories', () => {
  it('is registered for sync', () => {
    expect(findEntity('categories')).toBe(categories);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(categories, 'create', sampleData(categories, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(categories, 2);
    expect(validateMutationData(categories, 'create', { ...row, unknownField: 1 }).ok).toBe(false);
    expect(validateMutationData(categories, 'update', { id: row.id, tenantId: row.id }).ok).toBe(
      false,
    );
  });

  it('requires name, groupName, isIncome, hidden, sortOrder on create', () => {
    const row = sampleData(categories, 3);
    expect(validateMutationData(categories, 'create', { ...row, name: undefined }).ok).toBe(false);
    expect(validateMutationData(categories, 'create', { ...row, groupName: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(categories, 'create', { ...row, isIncome: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(categories, 'create', { ...row, hidden: undefined }).ok).toBe(
      false,
    );
    expect(validateMutationData(categories, 'create', { ...row, sortOrder: undefined }).ok).toBe(
      false,
    );
  });

  it('takes carryOverspending as false when a create leaves it out', () => {
    const result = validateMutationData(categories, 'create', {
      ...sampleData(categories, 4),
      carryOverspending: undefined,
    });
    expect(result.ok && result.data['carryOverspending']).toBe(false);
  });
});
