import { findEntity, type ValidationIssue } from '@finwise/domain';
import type { Rejection } from '@finwise/sync-client';
import { monthLabel } from '../../shared/dates/month';
import { fieldErrors } from '../../shared/validation/validation-messages';
import { fieldLabelsOf } from '../../shared/validation/field-labels';
import { formatMoney } from '../../shared/money/format-money';

const REASONS: Readonly<Record<string, string>> = {
  clock_skew: "this device's clock is more than 5 minutes ahead. Check its date and time settings.",
  forbidden: 'you are no longer allowed to change this household. Sign in again.',
  not_found: 'it no longer exists on the server.',
  unknown_model: 'this version of the app sends data the server does not know. Reload the app.',
};

/** What a notice needs besides the rejection: the row as last shown, and names it refers to. */
export interface RejectionContext {
  /** The row as this device last showed it (a refused create is gone from the store). */
  row?: object;
  locale?: string;
  currencyOfAccount?(accountId: string): string | undefined;
  categoryName?(categoryId: string): string | undefined;
}

/** "Your new transaction "Bakery", -€4.50 on Jan 3, 2026", or "Your change to a category". */
export function describeChange(rejection: Rejection, context: RejectionContext = {}): string {
  const label = (findEntity(rejection.modelName)?.label ?? rejection.modelName).toLowerCase();
  const row = context.row
    ? describeRow(
        rejection.modelName,
        label,
        context.row as Readonly<Record<string, unknown>>,
        context,
      )
    : null;
  switch (rejection.operation) {
    case 'create':
      return `Your new ${row ?? label}`;
    case 'update':
      return row ? `Your change to the ${row}` : `Your change to a ${label}`;
    case 'delete':
      return row ? `Deleting the ${row}` : `Deleting a ${label}`;
  }
}

/** Why, in words: the field messages the forms show for the same validation problem. */
export function describeReason(rejection: Rejection): string {
  const known = REASONS[rejection.code];
  if (known) {
    return known;
  }
  if (!rejection.message) {
    return 'the server refused it.';
  }
  if (rejection.code === 'validation') {
    return validationSentences(rejection.message, fieldLabelsOf(rejection.modelName));
  }
  return sentence(rejection.message);
}

function describeRow(
  modelName: string,
  label: string,
  row: Readonly<Record<string, unknown>>,
  context: RejectionContext,
): string | null {
  const text = (key: string) => (typeof row[key] === 'string' ? (row[key] as string) : null);
  if (modelName === 'transactions') {
    const accountId = text('accountId');
    const currency = (accountId && context.currencyOfAccount?.(accountId)) || null;
    const amount = typeof row['amountMinor'] === 'number' ? row['amountMinor'] : null;
    const date = text('date');
    const parts = [
      `${label} "${text('payee') || 'no payee'}"`,
      amount !== null && currency ? formatMoney(amount, currency, context.locale) : null,
    ].filter((part): part is string => part !== null);
    return `${parts.join(', ')}${date ? ` on ${formatDate(date, context.locale)}` : ''}`;
  }
  if (modelName === 'budgets') {
    const categoryId = text('categoryId');
    const category = (categoryId && context.categoryName?.(categoryId)) || 'a category';
    const month = text('month');
    return `${label} for ${category}${month ? ` in ${monthLabel(month, context.locale)}` : ''}`;
  }
  const name = text('name');
  return name ? `${label} "${name}"` : null;
}

/** "data.amountMinor must be …; data.date must be …" → "Amount must be …. Date must be …." */
function validationSentences(message: string, labels: Readonly<Record<string, string>>): string {
  const issues: ValidationIssue[] = [];
  const other: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^(data(?:\.[\w$]+)*) (.+)$/.exec(part);
    if (match) {
      issues.push({ path: match[1], message: match[2] });
    } else {
      other.push(sentence(part));
    }
  }
  return [...Object.values(fieldErrors(issues, labels)), ...other].join(' ');
}

function formatDate(date: string, locale?: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? date
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
