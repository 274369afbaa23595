import type { FieldInfo } from '@finwise/domain';
import { minorToDecimal } from '../../shared/money/format-money';
import { parseMoney } from '../../shared/money/parse-money';

/** What a form control holds for a field: text for inputs and selects, a flag for checkboxes. */
export type FieldText = string | boolean;

export type FieldParse = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Generic entities carry no currency, so money is shown and entered as a plain decimal with two
 * minor digits; screens that know the currency (the register) format it properly.
 */
const GENERIC_MINOR_DIGITS = 2;

export function emptyText(field: FieldInfo): FieldText {
  if (field.kind === 'boolean') return false;
  if (field.kind === 'enum' && !field.optional) return field.values?.[0] ?? '';
  return '';
}

export function toText(field: FieldInfo, value: unknown): FieldText {
  if (value === null || value === undefined) return emptyText(field);
  if (field.kind === 'boolean') return value === true;
  if (field.kind === 'money' && typeof value === 'number')
    return minorToDecimal(value, GENERIC_MINOR_DIGITS);
  return String(value);
}

/** Turns a control's text into the field's value; empty optional fields become null. */
export function parseText(field: FieldInfo, text: FieldText): FieldParse {
  if (field.kind === 'boolean') return { ok: true, value: text === true };
  const value = String(text).trim();
  if (value === '' && field.optional) return { ok: true, value: null };
  switch (field.kind) {
    case 'money': {
      const parsed = parseMoney(value, { minorDigits: GENERIC_MINOR_DIGITS });
      return parsed.ok ? { ok: true, value: parsed.minor } : { ok: false, error: parsed.error };
    }
    case 'int':
      return /^-?\d+$/.test(value)
        ? { ok: true, value: Number(value) }
        : { ok: false, error: 'Enter a whole number.' };
    default:
      // Text, dates, months, ids and choices go to the shared schema as typed; it words the errors.
      return { ok: true, value: field.kind === 'text' ? String(text) : value };
  }
}

/** A value for the list. */
export function displayValue(field: FieldInfo, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (field.kind === 'boolean') return value ? 'Yes' : 'No';
  if (field.kind === 'money' && typeof value === 'number')
    return minorToDecimal(value, GENERIC_MINOR_DIGITS);
  return String(value);
}
