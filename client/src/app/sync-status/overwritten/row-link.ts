/** Where the app shows a row: a route and its query (`history` opens the row's history there). */
export interface RowLink {
  path: string[];
  queryParams: Record<string, string>;
}

type Row = Readonly<Record<string, unknown>>;

/**
 * The screen that shows a row of an entity, opened on the row's history where that screen can
 * (the register for a transaction, the generic page of a generated entity, whose route is its
 * model name in kebab case); null when the row's screen cannot be told (a transaction this
 * device no longer has).
 */
export function rowLink(modelName: string, id: string, row: Row | undefined): RowLink | null {
  const text = (field: string) => {
    const value = row?.[field];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  switch (modelName) {
    case 'transactions': {
      const accountId = text('accountId');
      return accountId ? { path: ['/accounts', accountId], queryParams: { history: id } } : null;
    }
    case 'reconciliations': {
      const accountId = text('accountId');
      return accountId ? { path: ['/accounts', accountId], queryParams: {} } : null;
    }
    case 'accounts':
    case 'account_groups':
      return { path: ['/accounts'], queryParams: {} };
    case 'categories':
      return { path: ['/categories'], queryParams: {} };
    case 'payees':
      return { path: ['/payees'], queryParams: {} };
    case 'budgets':
    case 'budget_months': {
      const month = text('month');
      return { path: month ? ['/budget', month] : ['/budget'], queryParams: {} };
    }
    case 'budget_moves':
      return { path: ['/budget'], queryParams: {} };
    case 'settings':
      return { path: ['/settings'], queryParams: {} };
    default:
      return { path: [`/${modelName.replace(/_/g, '-')}`], queryParams: { history: id } };
  }
}
