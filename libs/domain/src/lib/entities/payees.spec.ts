import { validateMutationData } from '../mutation-validation';
import { findEntity } from '../registry';
import { sampleData } from '../../testing/sample-data';
import { payees } from './payees';

describe('payees', () => {
  it('is registered for sync', () => {
    expect(findEntity('payees')).toBe(payees);
  });

  it('accepts a complete row', () => {
    const result = validateMutationData(payees, 'create', sampleData(payees, 1));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('refuses unknown and system fields', () => {
    const row = sampleData(payees, 2);
    expect(validateMutationData(payees, 'create', { ...row, unknownField: 1 }).ok).toBe(false);
    expect(validateMutationData(payees, 'update', { id: row.id, tenantId: row.id }).ok).toBe(false);
  });

  it('requires name on create', () => {
    const row = sampleData(payees, 3);
    expect(validateMutationData(payees, 'create', { ...row, name: undefined }).ok).toBe(false);
  });

  it('takes favorite as false when a create leaves it out', () => {
    const result = validateMutationData(payees, 'create', {
      ...sampleData(payees, 4),
      favorite: undefined,
    });
    expect(result.ok && result.data['favorite']).toBe(false);
  });
});
