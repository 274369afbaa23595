/** What the register's search box and filters ask for; empty strings and false mean "any". */
export interface RegisterQuery {
  /** Typed text: payee, category, transfer account, a word of the notes, or an amount. */
  text: string;
  /** Only rows neither cleared nor reconciled. */
  uncleared: boolean;
  /** Only rows (or split lines) without a live category, and unbalanced splits. */
  uncategorized: boolean;
  /** Effective dates from this day (YYYY-MM-DD), inclusive. */
  from: string;
  /** Effective dates up to this day (YYYY-MM-DD), inclusive. */
  to: string;
}

export const EMPTY_REGISTER_QUERY: RegisterQuery = {
  text: '',
  uncleared: false,
  uncategorized: false,
  from: '',
  to: '',
};

/** Whether the query shows every row: the register then skips the search entirely. */
export function isEmptyQuery(query: RegisterQuery): boolean {
  return query.text.trim() === '' && activeFilterCount(query) === 0;
}

/** How many filters (not the text) narrow the register, for the "Filters (2)" button. */
export function activeFilterCount(query: RegisterQuery): number {
  return (
    Number(query.uncleared) +
    Number(query.uncategorized) +
    Number(query.from !== '') +
    Number(query.to !== '')
  );
}
