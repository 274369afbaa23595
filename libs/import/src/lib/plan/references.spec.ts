import { payeeIdFor } from '@finwise/domain';
import { CHECKING, DOLLARS, SAVINGS } from '../../testing/dedup-fixtures';
import { categoryFinder, payeeChooser, transferAccountFinder } from './references';

describe('payeeChooser', () => {
  it('lands on an existing payee of the same normalised name, resolved through merges', () => {
    const choose = payeeChooser([
      { id: 'old', name: 'REWE  Markt', mergedIntoId: 'new' },
      { id: 'new', name: 'Rewe' },
    ]);
    expect(choose(' rewe markt ')).toEqual({ payeeId: 'new' });
  });

  it('prefers the payee with the rule id among several of one name, else the smallest id', () => {
    const ruleId = payeeIdFor('shop');
    expect(
      payeeChooser([
        { id: '0', name: 'Shop' },
        { id: ruleId, name: 'SHOP' },
      ])('Shop'),
    ).toEqual({
      payeeId: ruleId,
    });
    expect(
      payeeChooser([
        { id: 'b', name: 'Shop' },
        { id: 'a', name: 'shop' },
      ])('Shop'),
    ).toEqual({
      payeeId: 'a',
    });
  });

  it('uses a renamed payee that still has the rule id of the name, without a seed', () => {
    expect(payeeChooser([{ id: payeeIdFor('Shop'), name: 'Groceries' }])('Shop')).toEqual({
      payeeId: payeeIdFor('Shop'),
    });
  });

  it('seeds an unknown payee under the rule id with the tidied name, cut to 200', () => {
    expect(payeeChooser([])('  New   Shop ')).toEqual({
      payeeId: payeeIdFor('new shop'),
      seed: { id: payeeIdFor('new shop'), name: 'New Shop' },
    });
    const long = payeeChooser([])('x'.repeat(250));
    expect(long?.seed?.name).toBe('x'.repeat(200));
  });

  it('gives blank text no payee', () => {
    expect(payeeChooser([])('   ')).toBeUndefined();
    expect(payeeChooser([])(undefined)).toBeUndefined();
  });
});

describe('categoryFinder', () => {
  const find = categoryFinder([
    { id: 'c2', name: 'Shopping', groupName: 'Usual Expenses' },
    { id: 'c1', name: 'shopping', groupName: 'Other' },
    { id: 'c0', name: 'Gone', groupName: 'Other', deletedAt: '2026-01-01T00:00:00.000Z' },
  ]);

  it('matches by name case-insensitively, and by group when the file names one', () => {
    expect(find('SHOPPING', 'usual expenses')).toBe('c2');
    expect(find('Shopping', undefined)).toBe('c1');
    expect(find('Shopping', 'Nowhere')).toBeUndefined();
  });

  it('finds no deleted or unknown category', () => {
    expect(find('Gone', undefined)).toBeUndefined();
    expect(find('Food', undefined)).toBeUndefined();
    expect(find(undefined, undefined)).toBeUndefined();
  });
});

describe('transferAccountFinder', () => {
  const find = transferAccountFinder(CHECKING, 'EUR', [
    { id: CHECKING, name: 'Checking', currency: 'EUR' },
    { id: SAVINGS, name: 'Savings', currency: 'EUR' },
    { id: DOLLARS, name: 'Dollars', currency: 'USD' },
    { id: 'closed', name: 'Old', currency: 'EUR', deletedAt: '2026-01-01T00:00:00.000Z' },
  ]);

  it('finds another live account of the same currency by name', () => {
    expect(find(' savings ')).toBe(SAVINGS);
  });

  it('finds no transfer to the account itself, another currency, a deleted or unknown account', () => {
    expect(find('Checking')).toBeUndefined();
    expect(find('Dollars')).toBeUndefined();
    expect(find('Old')).toBeUndefined();
    expect(find('Nowhere')).toBeUndefined();
  });
});
