import { readQifCategory } from './qif-category';

describe('readQifCategory', () => {
  it.each([
    ['Usual Expenses:Shopping', { categoryGroup: 'Usual Expenses', categoryName: 'Shopping' }],
    ['Groceries', { categoryName: 'Groceries' }],
    ['[Savings Account]', { transferAccountName: 'Savings Account' }],
    ['[Savings]/Work', { transferAccountName: 'Savings' }],
    ['Income:Salary/Work', { categoryGroup: 'Income', categoryName: 'Salary' }],
    ['Auto:Fuel:Diesel', { categoryGroup: 'Auto', categoryName: 'Fuel:Diesel' }],
    ['Auto:', { categoryName: 'Auto' }],
    [':Fuel', { categoryName: 'Fuel' }],
    ['', {}],
    ['[]', {}],
  ])('%s', (raw, expected) => {
    expect(readQifCategory(raw)).toEqual(expected);
  });
});
