import type { Payee, Transaction } from '@finwise/domain';
import { normalisePayeeName, payeeIdFor, payeeResolver } from '@finwise/finance';

/** A payee as the screens show it: a row no merge points away from, with what its rows say. */
export interface PayeeSummary {
  payee: Payee;
  /** Live transactions whose payee resolves to this one (merged payees' rows included). */
  useCount: number;
  /** The category of the newest categorised transaction of this payee. */
  lastCategoryId: string | null;
  /** Payees merged into this one, directly or through a chain. */
  mergedFrom: Payee[];
}

export interface PayeeIndex {
  /** The payee id a stored `payeeId` stands for after merges. */
  resolve(payeeId: string): string;
  /** Payees no merge points away from, by id. */
  byId: ReadonlyMap<string, PayeeSummary>;
  /** What the picker offers: favorites first, then by use; unused payees only when favorite. */
  suggestions: readonly PayeeSummary[];
  /** Payees merged into another, with the payee they resolve to. */
  merged: readonly { payee: Payee; into: PayeeSummary | undefined }[];
  /** Per payee shown, its newest categorised transaction (where `lastCategoryId` comes from). */
  newest: ReadonlyMap<string, Transaction>;
}

/**
 * One pass over payees and transactions: merges resolved (FINANCE §1: chains to the end, a
 * cycle to its smallest id), uses counted per resolved payee, so a merge shows at once
 * everywhere without rewriting a single transaction.
 */
export function indexPayees(
  payees: readonly Payee[],
  transactions: readonly Transaction[],
): PayeeIndex {
  const resolve = payeeResolver(payees);
  const byId = new Map<string, PayeeSummary>();
  for (const payee of payees) {
    if (resolve(payee.id) === payee.id) {
      byId.set(payee.id, { payee, useCount: 0, lastCategoryId: null, mergedFrom: [] });
    }
  }
  const merged: PayeeIndex['merged'][number][] = [];
  for (const payee of payees) {
    const into = byId.get(resolve(payee.id));
    if (into && into.payee.id !== payee.id) {
      into.mergedFrom.push(payee);
      merged.push({ payee, into });
    }
  }

  const newest = new Map<string, Transaction>();
  for (const transaction of transactions) {
    if (!transaction.payeeId) {
      continue;
    }
    const summary = byId.get(resolve(transaction.payeeId));
    if (!summary) {
      continue;
    }
    summary.useCount += 1;
    const current = newest.get(summary.payee.id);
    if (transaction.categoryId && (!current || isNewer(transaction, current))) {
      newest.set(summary.payee.id, transaction);
    }
  }
  for (const [id, transaction] of newest) {
    const summary = byId.get(id);
    if (summary) {
      summary.lastCategoryId = transaction.categoryId ?? null;
    }
  }

  merged.sort((a, b) => (a.payee.name ?? '').localeCompare(b.payee.name ?? ''));
  return { resolve, byId, suggestions: suggestionsOf(byId), merged, newest };
}

/** Favorites first, then by use; unused payees only when favorite. */
export function suggestionsOf(byId: ReadonlyMap<string, PayeeSummary>): PayeeSummary[] {
  return [...byId.values()]
    .filter((summary) => summary.useCount > 0 || summary.payee.favorite === true)
    .sort(
      (a, b) =>
        Number(b.payee.favorite === true) - Number(a.payee.favorite === true) ||
        b.useCount - a.useCount ||
        (a.payee.name ?? '').localeCompare(b.payee.name ?? ''),
    );
}

/** The resolved payee's name for a stored `payeeId`; null without one or before it synced. */
export function payeeName(index: PayeeIndex, payeeId: string | null | undefined): string | null {
  if (!payeeId) {
    return null;
  }
  return index.byId.get(index.resolve(payeeId))?.payee.name ?? null;
}

/**
 * The existing payee a typed name means: one shown under that name, else the payee created
 * for that name (renamed or merged since), else one merged away under that name. Undefined when
 * the name is new.
 */
export function findPayeeByName(index: PayeeIndex, name: string): PayeeSummary | undefined {
  const key = normalisePayeeName(name);
  if (key === '') {
    return undefined;
  }
  for (const summary of index.byId.values()) {
    if (normalisePayeeName(summary.payee.name ?? '') === key) {
      return summary;
    }
  }
  const created = index.byId.get(index.resolve(payeeIdFor(key)));
  if (created) {
    return created;
  }
  const mergedAway = index.merged.find(
    (entry) => normalisePayeeName(entry.payee.name ?? '') === key,
  );
  return mergedAway?.into;
}

/** Whether `a` is the newer of two transactions: by date, then by its last change. */
export function isNewer(a: Transaction, b: Transaction): boolean {
  const aDate = a.date ?? '';
  const bDate = b.date ?? '';
  if (aDate !== bDate) {
    return aDate > bDate;
  }
  return (a.updatedAt ?? '') > (b.updatedAt ?? '');
}
