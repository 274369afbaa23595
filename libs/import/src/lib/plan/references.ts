import { normalisePayeeName, payeeIdFor, tidyPayeeName } from '@finwise/domain';
import { MAX_PAYEE_NAME_LENGTH, payeeResolver } from '@finwise/finance';
import type { ImportAccount } from '../dedup/existing-transaction';
import { cutText } from './cut-text';

export interface ImportPayee {
  readonly id: string;
  readonly name: string | null;
  readonly mergedIntoId?: string | null;
}

export interface ImportCategory {
  readonly id: string;
  readonly name: string | null;
  readonly groupName: string | null;
  readonly deletedAt?: string | null;
}

/** The payee a line's text lands on, and the payee to create when none exists yet. */
export interface PayeeChoice {
  readonly payeeId: string;
  readonly seed?: { readonly id: string; readonly name: string };
}

/** Names compare like payee names: trimmed, inner whitespace collapsed, case-insensitive. */
const nameKey = (name: string | null | undefined): string => normalisePayeeName(name ?? '');

function smallestId<T extends { readonly id: string }>(rows: readonly T[]): T | undefined {
  return rows.reduce<T | undefined>(
    (best, row) => (best === undefined || row.id < best.id ? row : best),
    undefined,
  );
}

/**
 * Chooses the payee for bank text: an existing payee of the same normalised name (the one with
 * the rule's id if several, else the smallest id), or the payee with the rule's id, each resolved
 * through merges; otherwise the rule's id with a seed, so two devices seed the same payee.
 */
export function payeeChooser(
  payees: readonly ImportPayee[],
): (text: string | undefined) => PayeeChoice | undefined {
  const resolve = payeeResolver(payees);
  const byKey = new Map<string, ImportPayee[]>();
  const ids = new Set<string>();
  for (const payee of payees) {
    ids.add(payee.id);
    const key = nameKey(payee.name);
    if (key === '') continue;
    byKey.set(key, [...(byKey.get(key) ?? []), payee]);
  }
  const choose = (text: string | undefined): PayeeChoice | undefined => {
    const name = cutText(
      tidyPayeeName((text ?? '').replaceAll('\u0000', '')),
      MAX_PAYEE_NAME_LENGTH,
    ).trimEnd();
    if (name === '') return undefined;
    const ruleId = payeeIdFor(name);
    const named = byKey.get(nameKey(name)) ?? [];
    const existing = named.find((payee) => payee.id === ruleId) ?? smallestId(named);
    if (existing !== undefined) return { payeeId: resolve(existing.id) };
    if (ids.has(ruleId)) return { payeeId: resolve(ruleId) };
    return { payeeId: ruleId, seed: { id: ruleId, name } };
  };
  // A statement names a few dozen payees on thousands of lines: each text is chosen once, not
  // tidied and hashed into its payee id on every line.
  const chosen = new Map<string | undefined, PayeeChoice | undefined>();
  return (text) => {
    if (!chosen.has(text)) chosen.set(text, choose(text));
    return chosen.get(text);
  };
}

/**
 * A QIF category by name, and by group when the file gives one, among live categories;
 * case-insensitive. No match is no category: the user categorises later, nothing is invented.
 */
export function categoryFinder(
  categories: readonly ImportCategory[],
): (name: string | undefined, group: string | undefined) => string | undefined {
  const live = categories.filter((category) => !category.deletedAt);
  return (name, group) => {
    if (name === undefined || nameKey(name) === '') return undefined;
    const found = live.filter(
      (category) =>
        nameKey(category.name) === nameKey(name) &&
        (group === undefined ||
          nameKey(group) === '' ||
          nameKey(category.groupName) === nameKey(group)),
    );
    return smallestId(found)?.id;
  };
}

/**
 * A QIF `[Account]` by name among the other live accounts of the same currency. Another currency
 * would need the amount that account booked, which a QIF line does not carry, so such a line (or
 * an unknown name) becomes a plain row rather than a transfer with a wrong amount.
 */
export function transferAccountFinder(
  accountId: string,
  currency: string,
  accounts: readonly ImportAccount[],
): (name: string | undefined) => string | undefined {
  const candidates = accounts.filter(
    (account) => !account.deletedAt && account.id !== accountId && account.currency === currency,
  );
  return (name) => {
    if (name === undefined || nameKey(name) === '') return undefined;
    return smallestId(candidates.filter((account) => nameKey(account.name) === nameKey(name)))?.id;
  };
}
