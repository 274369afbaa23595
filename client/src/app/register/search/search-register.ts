import { parseMoney } from '../../shared/money/parse-money';
import type { RegisterQuery } from './register-query';
import type { RegisterSearchIndex } from './register-search-index';
import { searchKey, searchTerms, searchWords } from './search-text';
import { intersectSorted, lowerBound, unionSorted, upperBound } from './sorted-positions';

/** A named thing rows point at by id, with its name as a search key. */
export interface SearchName {
  /** Every id that stands for it (a payee's own id and the ids merged into it). */
  ids: readonly string[];
  key: string;
}

/** The small tables a typed name is resolved through, keys precomputed once per change. */
export interface SearchNames {
  payees: readonly SearchName[];
  categories: readonly SearchName[];
  accounts: readonly SearchName[];
  /** Live category ids: a row whose category is not among them counts as uncategorized. */
  liveCategoryIds: ReadonlySet<string>;
}

export interface AmountFormat {
  /** Minor-unit digits of the account's currency. */
  minorDigits: number;
  /** The user's decimal separator, so "12,50" is 12.50 in Germany and "1,250" is 1,250 in the UK. */
  decimalSeparator: string;
}

/**
 * The register positions (ascending) that match the query. Each term of the text must match
 * the row somewhere: a payee, category or transfer account whose name contains it, a word of
 * the notes that starts with it, or the amount it reads as (in the account's minor units, with
 * the app's money parser; "12.50" finds either sign, "-12.50" and "+12.50" only that sign).
 * Filters then narrow the result. Every step reads posting lists or binary-searches the dates,
 * so the cost follows the number of matches, never the size of the register.
 */
export function searchRegister(
  index: RegisterSearchIndex,
  query: RegisterQuery,
  names: SearchNames,
  amounts: AmountFormat,
): number[] {
  const lists: (readonly number[])[] = searchTerms(query.text).map((term) =>
    termMatches(index, term, names, amounts),
  );
  if (query.uncleared) {
    lists.push(index.uncleared);
  }
  if (query.uncategorized) {
    lists.push(uncategorized(index, names.liveCategoryIds));
  }
  // Dates are ascending by position, so a date range is a range of positions.
  const first = query.from ? lowerBound(index.dates, query.from) : 0;
  const end = query.to ? upperBound(index.dates, query.to) : index.size;
  if (first >= end) {
    return [];
  }
  // The shortest list first keeps every merge walk short.
  lists.sort((a, b) => a.length - b.length);
  if (lists.length === 0) {
    return Array.from({ length: end - first }, (_, offset) => first + offset);
  }
  let result: readonly number[] = lists[0];
  for (const list of lists.slice(1)) {
    if (result.length === 0) {
      break;
    }
    result = intersectSorted(result, list);
  }
  return result.slice(lowerBound(result, first), lowerBound(result, end));
}

function termMatches(
  index: RegisterSearchIndex,
  term: string,
  names: SearchNames,
  amounts: AmountFormat,
): number[] {
  const key = searchKey(term);
  const lists: (readonly number[])[] = [
    ...postingsOfNames(names.payees, key, index.byPayee),
    ...postingsOfNames(names.categories, key, index.byCategory),
    ...postingsOfNames(names.accounts, key, index.byCounterAccount),
    notesMatches(index, term),
  ];
  for (const amount of amountsOf(term, amounts)) {
    lists.push(index.byAmount.get(amount) ?? []);
  }
  return unionSorted(lists, index.size);
}

function postingsOfNames(
  table: readonly SearchName[],
  key: string,
  postings: ReadonlyMap<string, readonly number[]>,
): (readonly number[])[] {
  const lists: (readonly number[])[] = [];
  for (const name of table) {
    if (name.key.includes(key)) {
      for (const id of name.ids) {
        const list = postings.get(id);
        if (list) {
          lists.push(list);
        }
      }
    }
  }
  return lists;
}

/** Rows whose notes have, for every word of the term, a word starting with it. */
function notesMatches(index: RegisterSearchIndex, term: string): number[] {
  const words = searchWords(term);
  if (words.length === 0) {
    return [];
  }
  let result: number[] | null = null;
  for (const prefix of words) {
    const lists: (readonly number[])[] = [];
    for (let at = lowerBound(index.noteWords, prefix); at < index.noteWords.length; at += 1) {
      if (!index.noteWords[at].startsWith(prefix)) {
        break;
      }
      lists.push(index.notePostings[at]);
    }
    const matches = unionSorted(lists, index.size);
    result = result === null ? matches : intersectSorted(result, matches);
  }
  return result ?? [];
}

/** The signed minor amounts a term stands for; none when it is not an amount. */
function amountsOf(term: string, format: AmountFormat): number[] {
  const parsed = parseMoney(term, {
    minorDigits: format.minorDigits,
    decimalSeparator: format.decimalSeparator,
  });
  if (!parsed.ok) {
    return [];
  }
  const signed = /^[\s(+\-\u2212]/.test(term.trim());
  return signed || parsed.minor === 0 ? [parsed.minor] : [parsed.minor, -parsed.minor];
}

/** FINANCE §3's uncategorized, as this register shows it: leaves without a live category. */
function uncategorized(index: RegisterSearchIndex, liveCategoryIds: ReadonlySet<string>): number[] {
  const lists: (readonly number[])[] = [index.withoutCategory, index.withRemainder];
  for (const [categoryId, positions] of index.byCategory) {
    if (!liveCategoryIds.has(categoryId)) {
      lists.push(positions);
    }
  }
  return unionSorted(lists, index.size);
}
