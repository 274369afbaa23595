/**
 * Rules about a whole row, checked on the row as it is after a write is merged (a patch alone
 * cannot show that, say, a transfer flag is set on a row that is no transfer). They live with
 * the entity's definition, so the server's merge and the client's local writes apply the same
 * rules; each names what it requires, and that text is the rejection's message.
 */
export interface RowRule {
  /** The field the message is about (`data.<path>`). */
  path: string;
  /** What the row must satisfy, e.g. "must differ from accountId (a transfer to the same account)". */
  message: string;
  /** Whether `row` satisfies the rule; fields a row lacks are null. */
  holds(row: Readonly<Record<string, unknown>>): boolean;
}

/**
 * A rule that reads another row this one points to (a split child's parent). Only the server
 * can always apply it: the row pointed to may not have reached a device yet. An unknown row
 * passes (the reference is dead until it arrives).
 */
export interface ReferenceRule {
  /** The field holding the other row's id. */
  via: string;
  /** The model name of the row it points to. */
  entity: string;
  path: string;
  message: string;
  holds(
    row: Readonly<Record<string, unknown>>,
    referenced: Readonly<Record<string, unknown>>,
  ): boolean;
}

export interface RowIssue {
  path: string;
  message: string;
}

/** The rules `row` breaks, in declaration order. */
export function brokenRowRules(
  rules: readonly RowRule[],
  row: Readonly<Record<string, unknown>>,
): RowIssue[] {
  return rules
    .filter((rule) => !rule.holds(row))
    .map((rule) => ({ path: `data.${rule.path}`, message: rule.message }));
}

/** Whether a merged row may be written (see judgeRowWrite). */
export type RowWriteVerdict =
  { verdict: 'write' } | { verdict: 'unchanged' } | { verdict: 'refuse'; issues: RowIssue[] };

/**
 * The entity's whole-row rules applied to a write: `next` is the row as it would be after the
 * merge, `current` the stored row (if any). A write to an insert-only row that changes a field is
 * refused, one that changes none is `unchanged` (a re-sent create); tombstones are always
 * written (deletes have their own rule, `deletable`).
 */
export function judgeRowWrite(
  entity: {
    modelName: string;
    fieldNames: readonly string[];
    insertOnly: boolean;
    rowRules: readonly RowRule[];
  },
  current: Readonly<Record<string, unknown>> | undefined,
  next: Readonly<Record<string, unknown>>,
): RowWriteVerdict {
  if (next['deletedAt'] != null) return { verdict: 'write' };
  if (entity.insertOnly && current && current['deletedAt'] == null) {
    const same = entity.fieldNames.every((f) => (current[f] ?? null) === (next[f] ?? null));
    if (same) return { verdict: 'unchanged' };
    const message = `${entity.modelName} rows never change once written: create a new one instead`;
    return { verdict: 'refuse', issues: [{ path: 'data', message }] };
  }
  const issues = brokenRowRules(entity.rowRules, next);
  return issues.length > 0 ? { verdict: 'refuse', issues } : { verdict: 'write' };
}

/** "data.x must …; data.y must …": the message of a refusal listing its issues. */
export function issuesMessage(issues: readonly RowIssue[]): string {
  return issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
}
