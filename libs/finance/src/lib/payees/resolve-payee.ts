import type { PayeeRow } from '../core/rows';

/**
 * Follows `mergedIntoId` to the end of the chain. Merges are single-row writes made on different
 * devices, so chains and even cycles can appear; a cycle resolves to its smallest id, which every
 * device picks alike. A chain pointing at a payee not (yet) known here stops at the last known one.
 */
export function payeeResolver(payees: readonly PayeeRow[]): (payeeId: string) => string {
  const byId = new Map<string, PayeeRow>();
  for (const payee of payees) byId.set(payee.id, payee);
  const resolved = new Map<string, string>();

  return (payeeId: string): string => {
    const known = resolved.get(payeeId);
    if (known !== undefined) return known;
    const path: string[] = [];
    const position = new Map<string, number>();
    let current = payeeId;
    let end: string;
    for (;;) {
      position.set(current, path.length);
      path.push(current);
      const next = byId.get(current)?.mergedIntoId;
      if (!next || !byId.has(next)) {
        end = current;
        break;
      }
      const seen = position.get(next);
      if (seen !== undefined) {
        end = path.slice(seen).reduce((smallest, id) => (id < smallest ? id : smallest));
        break;
      }
      const resolvedNext = resolved.get(next);
      if (resolvedNext !== undefined) {
        end = resolvedNext;
        break;
      }
      current = next;
    }
    for (const id of path) resolved.set(id, end);
    return end;
  };
}

/** The payee a stored `payeeId` stands for after merges (see `payeeResolver`). */
export function resolvePayeeId(payeeId: string, payees: readonly PayeeRow[]): string {
  return payeeResolver(payees)(payeeId);
}
