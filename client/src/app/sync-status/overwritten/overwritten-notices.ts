import { findEntity } from '@finwise/domain';
import type { OverwrittenChange } from '@finwise/sync-client';
import { rowPhrase, type RowPhraseContext } from '../rejection-notices/row-phrase';
import { rowLink, type RowLink } from './row-link';

export interface OverwrittenNotice {
  key: string;
  /** The row in words ("transaction "Bakery", -€4.50 on Jan 3, 2026"). */
  what: string;
  /** The field labels whose value was dropped. */
  fields: string;
  link: RowLink | null;
}

/** How many rows the indicator links to; the count says how many there are in all. */
const SHOWN_ROWS = 3;

/** "1 of your changes was overwritten" / "3 of your changes were overwritten". */
export function overwrittenSummary(count: number): string {
  return count === 1
    ? '1 of your changes was overwritten'
    : `${count} of your changes were overwritten`;
}

/** The newest changes first, one notice per row, each linking to where the row is shown. */
export function overwrittenNotices(
  changes: readonly OverwrittenChange[],
  context: RowPhraseContext,
): OverwrittenNotice[] {
  const seen = new Set<string>();
  const notices: OverwrittenNotice[] = [];
  for (const change of [...changes].reverse()) {
    const key = `${change.modelName}/${change.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entity = findEntity(change.modelName);
    const row = context.lastKnown?.(change.modelName, change.id) as
      Readonly<Record<string, unknown>> | undefined;
    const label = (entity?.label ?? change.modelName).toLowerCase();
    notices.push({
      key,
      what: (entity && row ? rowPhrase(entity, row, context) : null) ?? `a ${label}`,
      fields: change.fields.map((field) => entity?.wording.fieldLabels[field] ?? field).join(', '),
      link: rowLink(change.modelName, change.id, row),
    });
    if (notices.length === SHOWN_ROWS) break;
  }
  return notices;
}
