import { FormControl, FormGroup } from '@angular/forms';
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

describe('FormSubmission.watch', () => {
  it('drops a message as soon as its field is valid again, keeps the others, adds none', () => {
    const form = new FormGroup({
      currency: new FormControl('EU', { nonNullable: true }),
      name: new FormControl('', { nonNullable: true }),
      note: new FormControl('', { nonNullable: true }),
    });
    const check = () => ({
      ...(/^[A-Z]{3}$/.test(form.controls.currency.value)
        ? {}
        : { currency: `Currency "${form.controls.currency.value}" is not a currency code.` }),
      ...(form.controls.name.value ? {} : { name: 'Enter a name.' }),
      ...(form.controls.note.value === 'bad' ? { note: 'Not this note.' } : {}),
    });
    const submission = new FormSubmission('account', { currency: 'Currency' });
    const stop = submission.watch(form, check);
    expect(submission.accept({ ...check(), form: 'Saving failed.' })).toBe(false);

    form.controls.currency.setValue('EURO');
    expect(submission.errors()['currency']).toBe('Currency "EURO" is not a currency code.');
    form.controls.currency.setValue('EUR');
    expect(submission.errors()).toEqual({ name: 'Enter a name.', form: 'Saving failed.' });
    expect(submission.errorId('currency')).toBeNull();

    // A field that was fine at submit gets no message while it is being typed in.
    form.controls.note.setValue('bad');
    expect(submission.errors()['note']).toBeUndefined();

    stop();
    form.controls.name.setValue('Cash');
    expect(submission.errors()['name']).toBe('Enter a name.');
  });
});
