import type { FieldInfo, SyncedEntityDefinition } from '@finwise/domain';
import type { HistoryEntry, HistoryField, RowHistory } from '@finwise/sync-protocol';
import { monthLabel } from '../../shared/dates/month';
import { formatMoney, minorToDecimal } from '../../shared/money/format-money';

/** What a field can hold on the wire (every synced field is a JSON scalar). */
export type FieldValue = HistoryField['value'];

/** What the panel knows besides the history itself. */
export interface HistoryViewContext {
  entity: SyncedEntityDefinition;
  locale: string;
  /** Currency of each money field; money without one is shown as a plain decimal. */
  currencies: Readonly<Record<string, string>>;
  /** This device's clientId, to say "this device" for its own changes. */
  thisDevice: string | null;
  /** The name of a referenced row (account, category, payee …) when this device has it. */
  nameOf(id: string): string | null;
  /** The row as it is now on this device; null when it is deleted or not here. */
  current: Readonly<Record<string, unknown>> | null;
}

/** A value "Restore this value" would write back. */
export interface RestoreChoice {
  field: string;
  value: FieldValue;
  /** The value as the panel shows it. */
  text: string;
}

export interface HistoryFieldView {
  field: string;
  label: string;
  value: string;
  /** What the change replaced; null when it replaced nothing (a new row) or was dropped. */
  previous: string | null;
  outcome: HistoryField['outcome'];
  concurrent: boolean;
  /** The dropped or overwritten value, offered for restoring; null when nothing is to restore. */
  restore: RestoreChoice | null;
  /** The value the row holds now is the one that would be restored. */
  restoredAlready: boolean;
}

export interface HistoryEntryView {
  key: string;
  operation: string;
  who: string;
  at: string;
  when: string;
  device: string;
  fields: HistoryFieldView[];
  /** Some value of this change was dropped or overwrote another without seeing it. */
  conflict: boolean;
}

const OPERATION_WORDS: Record<HistoryEntry['operation'], string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
};

/** How many characters of another device's id are shown: enough to tell devices apart. */
const SHORT_DEVICE_ID = 8;

/** The history as the panel lists it: newest first, each value in words. */
export function historyView(history: RowHistory, context: HistoryViewContext): HistoryEntryView[] {
  const fields = new Map(context.entity.fields.map((field) => [field.name, field]));
  const dateTime = new Intl.DateTimeFormat(context.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return history.items.map((entry, index) => {
    const fieldViews = entry.fields.map((change) =>
      fieldView(change, fields.get(change.field), context),
    );
    return {
      key: `${entry.hlc}-${index}`,
      operation: OPERATION_WORDS[entry.operation],
      who: entry.email ?? 'A former member',
      at: entry.at,
      when: dateTime.format(new Date(entry.at)),
      device: deviceName(entry.clientId, context.thisDevice),
      fields: fieldViews,
      conflict: fieldViews.some((field) => field.outcome === 'lost' || field.concurrent),
    };
  });
}

export function deviceName(clientId: string | null, thisDevice: string | null): string {
  if (clientId === null) return 'the web API';
  if (clientId === thisDevice) return 'this device';
  return `device ${clientId.slice(0, SHORT_DEVICE_ID)}`;
}

function fieldView(
  change: HistoryField,
  info: FieldInfo | undefined,
  context: HistoryViewContext,
): HistoryFieldView {
  const text = (value: FieldValue) => valueText(value, info, change.field, context);
  const hasPrevious = change.previous !== undefined;
  const concurrent = change.concurrent === true;
  // A dropped value, or the one a change made without seeing it overwrote: what people may
  // want back. An ordinary edit's previous value is plain history, not a conflict.
  const restorable: FieldValue | undefined =
    change.outcome === 'lost'
      ? change.value
      : concurrent && hasPrevious
        ? change.previous
        : undefined;
  const current = context.current;
  const restoredAlready =
    restorable !== undefined &&
    current !== null &&
    sameValue(current[change.field] ?? null, restorable);
  return {
    field: change.field,
    label: context.entity.wording.fieldLabels[change.field] ?? change.field,
    value: text(change.value),
    previous: hasPrevious && change.outcome === 'applied' ? text(change.previous ?? null) : null,
    outcome: change.outcome,
    concurrent,
    restore:
      restorable === undefined || current === null || restoredAlready || !info
        ? null
        : { field: change.field, value: restorable, text: text(restorable) },
    restoredAlready,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A stored value in words by its field's kind: money as money, dates as dates, ids by name. */
export function valueText(
  value: FieldValue,
  info: FieldInfo | undefined,
  field: string,
  context: Pick<HistoryViewContext, 'locale' | 'currencies' | 'nameOf'>,
): string {
  if (value === null || value === '') return 'empty';
  switch (info?.kind) {
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'money': {
      if (typeof value !== 'number') break;
      const currency = context.currencies[field];
      return currency ? formatMoney(value, currency, context.locale) : minorToDecimal(value, 2);
    }
    case 'date':
      if (typeof value !== 'string') break;
      return new Intl.DateTimeFormat(context.locale, {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }).format(new Date(`${value}T00:00:00Z`));
    case 'month':
      return typeof value === 'string' ? monthLabel(value, context.locale) : String(value);
    case 'uuid':
      if (typeof value !== 'string') break;
      return context.nameOf(value) ?? `a row not on this device (${value.slice(0, 8)})`;
  }
  return String(value);
}
