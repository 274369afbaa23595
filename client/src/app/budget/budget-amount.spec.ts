import { readBudgetedAmount, readPositiveAmount } from './budget-amount';

describe('budget amounts', () => {
  it('reads a typed budget in the currency and the locale, blank as 0', () => {
    expect(readBudgetedAmount('1.234,5', 'EUR', 'de-DE')).toEqual({ ok: true, minor: 123_450 });
    expect(readBudgetedAmount('1234', 'JPY', 'en-US')).toEqual({ ok: true, minor: 1234 });
    expect(readBudgetedAmount('  ', 'EUR', 'en-US')).toEqual({ ok: true, minor: 0 });
    expect(readBudgetedAmount('1.005', 'EUR', 'en-US').ok).toBe(false);
  });

  it('wants more than 0 for a move, hold or release', () => {
    expect(readPositiveAmount('0.01', 'EUR', 'en-US')).toEqual({ ok: true, minor: 1 });
    expect(readPositiveAmount('0', 'EUR', 'en-US')).toEqual({
      ok: false,
      error: 'Enter an amount more than 0.',
    });
    expect(readPositiveAmount('-5', 'EUR', 'en-US').ok).toBe(false);
    expect(readPositiveAmount('', 'EUR', 'en-US')).toEqual({
      ok: false,
      error: 'Enter an amount.',
    });
  });
});
