import { starterCategoryId } from '../core/ids';

/** One category of the starter set: a fixed key (its id's source) and the name it starts with. */
export interface StarterCategory {
  readonly key: string;
  readonly name: string;
  readonly groupName: string;
  readonly isIncome: boolean;
}

/** The key of the income category that starting balances are booked to (FINANCE §2: income). */
export const STARTING_BALANCES_KEY = 'starting-balances';

const group = (groupName: string, isIncome: boolean, entries: readonly [string, string][]) =>
  entries.map(([key, name]): StarterCategory => ({ key, name, groupName, isIncome }));

/**
 * The categories a new household may start with, in display order, after the envelope budgets
 * users know (bills, everyday spending, savings goals, income). Keys never change once shipped:
 * they are the ids' source, and the names are only where the user starts.
 */
export const STARTER_CATEGORIES: readonly StarterCategory[] = [
  ...group('Bills', false, [
    ['rent-mortgage', 'Rent/Mortgage'],
    ['electricity', 'Electricity'],
    ['water', 'Water'],
    ['internet', 'Internet'],
    ['phone', 'Phone'],
    ['insurance', 'Insurance'],
  ]),
  ...group('Everyday', false, [
    ['groceries', 'Groceries'],
    ['eating-out', 'Eating out'],
    ['transport', 'Transport'],
    ['household', 'Household'],
    ['clothing', 'Clothing'],
    ['fun-money', 'Fun money'],
    ['medical', 'Medical'],
  ]),
  ...group('Savings goals', false, [
    ['emergency-fund', 'Emergency fund'],
    ['vacation', 'Vacation'],
    ['car-replacement', 'Car replacement'],
    ['gifts', 'Gifts'],
  ]),
  ...group('Income', true, [
    ['salary', 'Salary'],
    ['other-income', 'Other income'],
    [STARTING_BALANCES_KEY, 'Starting balances'],
  ]),
];

/** The create data of a starter category (every field of a `categories` row besides the clocks). */
export interface StarterCategoryData {
  readonly id: string;
  readonly name: string;
  readonly groupName: string;
  readonly isIncome: boolean;
  readonly hidden: boolean;
  readonly sortOrder: number;
  readonly carryOverspending: boolean;
}

/** Sort orders step by ten, as the app's own new rows do, so a row fits between two later. */
const SORT_STEP = 10;

function dataOf(category: StarterCategory, index: number): StarterCategoryData {
  return {
    id: starterCategoryId(category.key),
    name: category.name,
    groupName: category.groupName,
    isIncome: category.isIncome,
    hidden: false,
    sortOrder: (index + 1) * SORT_STEP,
    carryOverspending: false,
  };
}

/** The whole starter set as create data, in display order. */
export function starterCategoryRows(): StarterCategoryData[] {
  return STARTER_CATEGORIES.map(dataOf);
}

/** The "Starting balances" income category, for a household that did not take the starter set. */
export function startingBalancesCategory(): StarterCategoryData {
  const index = STARTER_CATEGORIES.findIndex((category) => category.key === STARTING_BALANCES_KEY);
  return dataOf(STARTER_CATEGORIES[index], index);
}
