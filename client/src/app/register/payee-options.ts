import { normalisePayeeName, tidyPayeeName } from '@finwise/finance';
import { findPayeeByName, type PayeeIndex, type PayeeSummary } from '../data/views/payee-index';

/** One line of the payee picker's list. */
export type PayeeOption =
  | { kind: 'payee'; id: string; name: string; favorite: boolean; summary: PayeeSummary }
  /** The typed name is new: choosing it creates the payee when the form is saved. */
  | { kind: 'create'; id: string; name: string };

const MAX_OPTIONS = 8;

/**
 * What the picker offers for the typed text: suggested payees whose name starts with it first,
 * then those containing it, each in suggestion order (favorites, then most used); the payee of
 * exactly that name even when unused; and a "create" line when no payee has that name. Empty
 * text lists the top suggestions.
 */
export function payeeOptions(index: PayeeIndex, text: string): PayeeOption[] {
  const query = normalisePayeeName(text);
  const starts: PayeeSummary[] = [];
  const contains: PayeeSummary[] = [];
  for (const summary of index.suggestions) {
    const name = normalisePayeeName(summary.payee.name ?? '');
    if (name.startsWith(query)) {
      starts.push(summary);
    } else if (name.includes(query)) {
      contains.push(summary);
    }
  }
  const matches = [...starts, ...contains].slice(0, MAX_OPTIONS);
  const exact = query === '' ? undefined : findPayeeByName(index, text);
  // A payee no row uses any more is not suggested, but typing its name still finds it.
  if (exact && !matches.includes(exact)) {
    matches.unshift(exact);
  }
  const options: PayeeOption[] = matches.map((summary) => ({
    kind: 'payee',
    id: summary.payee.id,
    name: summary.payee.name ?? '',
    favorite: summary.payee.favorite === true,
    summary,
  }));
  if (query !== '' && !exact) {
    options.push({ kind: 'create', id: 'create', name: tidyPayeeName(text) });
  }
  return options;
}
