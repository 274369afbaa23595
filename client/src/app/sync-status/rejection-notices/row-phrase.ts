import {
  findEntity,
  isReferencedFieldPart,
  type RowPhrasePart,
  type RowReference,
  type SyncedEntityDefinition,
} from '@finwise/domain';
import { monthLabel } from '../../shared/dates/month';
import { formatMoney } from '../../shared/money/format-money';

type Row = Readonly<Record<string, unknown>>;

export interface RowPhraseContext {
  locale?: string;
  /** A row as this device last showed it, for the parts that name what a row points to. */
  lastKnown?(modelName: string, id: string): object | undefined;
}

/**
 * Names a row the way its entity's wording says: `transaction "Bakery", -€4.50 on Jan 3, 2026`
 * or `budget for Food in March 2026`. Null when no part has anything to say about this row.
 */
export function rowPhrase(
  entity: SyncedEntityDefinition,
  row: Row,
  context: RowPhraseContext = {},
): string | null {
  const parts = entity.wording.rowPhrase
    .map((part) => phrasePart(entity, row, part, context))
    .filter((part): part is string => part !== null);
  return parts.length > 0 ? `${entity.label.toLowerCase()}${parts.join('')}` : null;
}

function phrasePart(
  entity: SyncedEntityDefinition,
  row: Row,
  part: RowPhrasePart,
  context: RowPhraseContext,
): string | null {
  const text = isReferencedFieldPart(part)
    ? referencedText(row, part.from, context)
    : fieldText(entity, row, part.field, context, part.currency);
  const shown = text ?? part.ifEmpty ?? null;
  if (shown === null) {
    return null;
  }
  return `${part.before ?? ' '}${part.quoted ? `"${shown}"` : shown}`;
}

/** A field's value in words by its kind; money only with a known currency. */
function fieldText(
  entity: SyncedEntityDefinition,
  row: Row,
  name: string,
  context: RowPhraseContext,
  currencyFrom?: RowReference,
): string | null {
  const value = row[name];
  if (value === null || value === undefined || value === '') {
    return null;
  }
  switch (entity.fields.find((field) => field.name === name)?.kind) {
    case 'money': {
      const currency = currencyFrom ? referencedText(row, currencyFrom, context) : null;
      return typeof value === 'number' && currency
        ? formatMoney(value, currency, context.locale)
        : null;
    }
    case 'date':
      return typeof value === 'string' ? formatDate(value, context.locale) : null;
    case 'month':
      return typeof value === 'string' ? monthLabel(value, context.locale) : null;
    default:
      return String(value);
  }
}

function referencedText(row: Row, reference: RowReference, context: RowPhraseContext) {
  const id = row[reference.via];
  const entity = findEntity(reference.entity);
  const other = typeof id === 'string' ? context.lastKnown?.(reference.entity, id) : undefined;
  return entity && other ? fieldText(entity, other as Row, reference.field, context) : null;
}

function formatDate(date: string, locale?: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? date
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}
