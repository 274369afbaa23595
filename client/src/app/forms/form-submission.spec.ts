import { errorMessage } from './error-message';
import { FormSubmission } from './form-submission';

describe('FormSubmission', () => {
  const labels = { amountMinor: 'Amount' };

  it('shows what the checks found and lets the write go ahead only without problems', () => {
    const submission = new FormSubmission('tx', labels);
    expect(submission.accept({ amountMinor: 'Amount must be an integer.' })).toBe(false);
    expect(submission.errorId('amountMinor')).toBe('tx-amountMinor-error');
    expect(submission.errorId('date')).toBeNull();
    expect(submission.accept({})).toBe(true);
    expect(submission.errors()).toEqual({});
  });

  it('is saving while the write runs, and words a refused write per field', async () => {
    const submission = new FormSubmission('tx', () => labels);
    let finish: () => void = () => undefined;
    const write = submission.write(
      () =>
        new Promise<void>((_resolve, reject) => {
          finish = () =>
            reject(
              Object.assign(new Error('refused'), {
                code: 'validation',
                details: [{ path: 'data.amountMinor', message: 'must be an integer' }],
              }),
            );
        }),
    );
    expect(submission.saving()).toBe(true);
    finish();
    await write;
    expect(submission.saving()).toBe(false);
    expect(submission.errors()).toEqual({ amountMinor: 'Amount must be an integer.' });
  });

  it('shows any other failure as a message for the whole form', async () => {
    const submission = new FormSubmission('tx', labels);
    await submission.write(async () => {
      throw new Error('Sign in to change your household data.');
    });
    expect(submission.errors()).toEqual({ form: 'Sign in to change your household data.' });
    submission.clear();
    expect(submission.errors()).toEqual({});
  });
});

describe('errorMessage', () => {
  it('reads an Error and turns anything else into text', () => {
    expect(errorMessage(new Error('gone'))).toBe('gone');
    expect(errorMessage('stopped')).toBe('stopped');
  });
});
