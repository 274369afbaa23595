import { findEntity, type ValidationIssue } from '@finwise/domain';
import type { Rejection } from '@finwise/sync-client';
import { fieldErrors } from '../../shared/validation/validation-messages';
import { rowPhrase, type RowPhraseContext } from './row-phrase';

const REASONS: Readonly<Record<string, string>> = {
  batch_too_large: 'it is too large to send to the server.',
  clock_skew: "this device's clock is more than 5 minutes ahead. Check its date and time settings.",
  forbidden: 'you are no longer allowed to change this household. Sign in again.',
  not_found: 'it no longer exists on the server.',
  unknown_model: 'this version of the app sends data the server does not know. Reload the app.',
};

/** "Your new transaction "Bakery", -€4.50 on Jan 3, 2026", or "Your change to a category". */
export function describeChange(rejection: Rejection, context: RowPhraseContext = {}): string {
  const entity = findEntity(rejection.modelName);
  const label = (entity?.label ?? rejection.modelName).toLowerCase();
  // The row as this device last showed it: a refused create is already gone from the table.
  const row = context.lastKnown?.(rejection.modelName, rejection.id);
  const named =
    entity && row ? rowPhrase(entity, row as Readonly<Record<string, unknown>>, context) : null;
  switch (rejection.operation) {
    case 'create':
      return `Your new ${named ?? label}`;
    case 'update':
      return named ? `Your change to the ${named}` : `Your change to a ${label}`;
    case 'delete':
      return named ? `Deleting the ${named}` : `Deleting a ${label}`;
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
    return validationSentences(
      rejection.message,
      findEntity(rejection.modelName)?.wording.fieldLabels ?? {},
    );
  }
  return sentence(rejection.message);
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

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
