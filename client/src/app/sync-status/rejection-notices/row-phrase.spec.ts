import {
  budgets,
  defineSyncedEntity,
  moneyField,
  nameField,
  shortTextField,
  uuidField,
} from '@finwise/domain';
import { accountRow, budgetRow, categoryRow } from '../../testing/rows';
import { rowPhrase } from './row-phrase';

/** An entity as the generator declares one, never registered: wording needs no registration. */
const payees = defineSyncedEntity({
  modelName: 'payees',
  label: 'Payee',
  fields: { name: nameField(), nickname: shortTextField(), accountId: uuidField().nullish() },
  wording: { rowPhrase: [{ field: 'name', quoted: true }] },
});

describe('rowPhrase', () => {
  it('names a row by the fields its entity declares', () => {
    expect(rowPhrase(payees, { name: 'Corner shop' })).toBe('payee "Corner shop"');
    expect(rowPhrase(payees, { name: '' })).toBeNull();
  });

  it('words money with the currency of the row it points to, and leaves it out without one', () => {
    const giro = accountRow({ currency: 'EUR' });
    const limits = defineSyncedEntity({
      modelName: 'limits',
      label: 'Limit',
      fields: { accountId: uuidField(), amountMinor: moneyField() },
      wording: {
        rowPhrase: [
          {
            field: 'amountMinor',
            before: ' of ',
            currency: { via: 'accountId', entity: 'accounts', field: 'currency' },
          },
        ],
      },
    });
    const lastKnown = (modelName: string, id: string) =>
      modelName === 'accounts' && id === giro.id ? giro : undefined;
    expect(
      rowPhrase(limits, { accountId: giro.id, amountMinor: -450 }, { lastKnown, locale: 'en-US' }),
    ).toBe('limit of -€4.50');
    expect(rowPhrase(limits, { accountId: 'elsewhere', amountMinor: -450 }, { lastKnown })).toBe(
      null,
    );
  });

  it('names what a row points to, with a fallback when that row is unknown', () => {
    const food = categoryRow({ name: 'Food' });
    const budget = budgetRow(food.id, '2026-03', 1000);
    const lastKnown = (modelName: string, id: string) =>
      modelName === 'categories' && id === food.id ? food : undefined;
    expect(rowPhrase(budgets, budget, { lastKnown, locale: 'en-US' })).toBe(
      'budget for Food in March 2026',
    );
    expect(rowPhrase(budgets, budget, { locale: 'en-US' })).toBe(
      'budget for a category in March 2026',
    );
  });
});
