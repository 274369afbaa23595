import { accountRow } from '../testing/rows';
import { transferChoices, transferCurrencyError, transferHint } from './transfer-targets';

describe('transfer targets', () => {
  const giro = accountRow({ name: 'Giro', currency: 'EUR' });
  const savings = accountRow({ name: 'Savings', currency: 'EUR' });
  const closed = accountRow({ name: 'Old', currency: 'EUR', closed: true });
  const yen = accountRow({ name: 'Tokyo', currency: 'JPY' });

  it('offers only open accounts in the same currency and says why the others are missing', () => {
    const choices = transferChoices(giro, [giro, savings, closed, yen]);
    expect(choices.targets).toEqual([savings]);
    expect(choices.otherCurrency).toEqual([yen]);
    expect(transferHint(giro, choices)).toBe(
      'Transfers stay within one currency, so Tokyo (JPY) cannot be chosen.',
    );
  });

  it('explains when no account can be chosen at all', () => {
    const choices = transferChoices(yen, [giro, yen]);
    expect(choices.targets).toEqual([]);
    expect(transferHint(yen, choices)).toBe(
      'No other JPY account to transfer to. Transfers stay within one currency, so Giro (EUR) cannot be chosen.',
    );
    expect(transferHint(giro, transferChoices(giro, [giro, savings]))).toBeNull();
  });

  it('keeps the current target of an edited transfer listed, and refuses it on save', () => {
    expect(transferChoices(giro, [giro, yen], yen.id).targets).toEqual([yen]);
    expect(transferCurrencyError(giro, yen)).toContain('Tokyo is in JPY');
    expect(transferCurrencyError(giro, savings)).toBeNull();
  });
});
