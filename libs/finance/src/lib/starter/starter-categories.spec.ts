import { v5 as uuidv5, validate, version } from 'uuid';
import { FINANCE_NAMESPACE } from '../core/ids';
import {
  STARTER_CATEGORIES,
  starterCategoryRows,
  startingBalancesCategory,
} from './starter-categories';

describe('starter categories', () => {
  it('keeps its keys: they are the ids of rows households already hold', () => {
    expect(STARTER_CATEGORIES.map((category) => category.key)).toMatchInlineSnapshot(`
[
  "rent-mortgage",
  "electricity",
  "water",
  "internet",
  "phone",
  "insurance",
  "groceries",
  "eating-out",
  "transport",
  "household",
  "clothing",
  "fun-money",
  "medical",
  "emergency-fund",
  "vacation",
  "car-replacement",
  "gifts",
  "salary",
  "other-income",
  "starting-balances",
]
`);
  });

  it('gives every category the UUIDv5 of "starter-category:<key>" in the namespace of DESIGN §4', () => {
    for (const [index, row] of starterCategoryRows().entries()) {
      const key = STARTER_CATEGORIES[index].key;
      expect(validate(row.id) && version(row.id)).toBe(5);
      expect(row.id).toBe(uuidv5(`starter-category:${key}`, FINANCE_NAMESPACE));
    }
    // One fixed value, so a change of the rule or the namespace cannot pass unnoticed.
    expect(startingBalancesCategory().id).toBe(
      uuidv5('starter-category:starting-balances', '153e838f-9839-4b71-b628-026323afbf2d'),
    );
  });

  it('has unique ids and the same ids on every run', () => {
    const ids = starterCategoryRows().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(starterCategoryRows()).toEqual(starterCategoryRows());
  });

  it('groups bills, everyday spending and savings goals as expenses, and income as income', () => {
    const rows = starterCategoryRows();
    const groups = [...new Set(rows.map((row) => `${row.groupName}:${row.isIncome}`))];
    expect(groups).toEqual(['Bills:false', 'Everyday:false', 'Savings goals:false', 'Income:true']);
    expect(rows.filter((row) => row.isIncome).map((row) => row.name)).toEqual([
      'Salary',
      'Other income',
      'Starting balances',
    ]);
    // In display order, visible, without carry-over.
    expect(rows.map((row) => row.sortOrder)).toEqual(rows.map((_, index) => (index + 1) * 10));
    expect(rows.every((row) => !row.hidden && !row.carryOverspending)).toBe(true);
  });

  it('"Starting balances" on its own is the same row as in the set', () => {
    expect(starterCategoryRows()).toContainEqual(startingBalancesCategory());
  });
});
