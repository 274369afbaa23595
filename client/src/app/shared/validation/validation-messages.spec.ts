import { transactions, validateMutationData } from '@finwise/domain';
import { fieldErrors, issuesOf } from './validation-messages';

describe('fieldErrors', () => {
  const labels = { date: 'Date', amountMinor: 'Amount', notes: 'Notes' };

  it('puts the shared schema message next to the field it is about', () => {
    const result = validateMutationData(transactions, 'create', {
      id: '0b9a3f0e-6f43-4d1e-a4a5-2a1f6d2c1a10',
      accountId: '0b9a3f0e-6f43-4d1e-a4a5-2a1f6d2c1a11',
      date: '2026-02-30',
      amountMinor: 12.5,
      notes: 'Bakery',
      cleared: false,
      reconciled: false,
    });
    if (result.ok) {
      throw new Error('expected the row to be invalid');
    }

    const errors = fieldErrors(result.issues, labels);

    expect(errors['date']).toBe('Date must be a real calendar date.');
    expect(errors['amountMinor']).toBe('Amount must be an integer amount in minor units.');
    expect(errors['notes']).toBeUndefined();
  });

  it('keeps the first message per field and files whole-row problems under form', () => {
    const errors = fieldErrors(
      [
        { path: 'data.date', message: 'must be a date YYYY-MM-DD' },
        { path: 'data.date', message: 'must be a real calendar date' },
        { path: 'data', message: 'an update must change at least one field' },
      ],
      labels,
    );
    expect(errors).toEqual({
      date: 'Date must be a date YYYY-MM-DD.',
      form: 'An update must change at least one field.',
    });
  });

  it('reads the issues of a sync-client validation error only', () => {
    const issues = [{ path: 'data.name', message: 'must not be empty' }];
    expect(
      issuesOf(Object.assign(new Error('x'), { code: 'validation', details: issues })),
    ).toEqual(issues);
    expect(issuesOf(Object.assign(new Error('x'), { code: 'stopped' }))).toBeNull();
    expect(issuesOf('validation')).toBeNull();
  });
});
