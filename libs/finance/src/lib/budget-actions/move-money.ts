import { randomId, type IdFactory } from '../core/ids';
import { assertMinorUnits } from '../core/money';
import { assertMonth } from '../core/month';
import type { FinanceMutation } from '../core/mutation';

export interface MoveMoneyInput {
  readonly month: string;
  /** null = To Budget */
  readonly fromCategoryId: string | null;
  /** null = To Budget */
  readonly toCategoryId: string | null;
  /** > 0; a move of 0 writes nothing. */
  readonly amountMinor: number;
  readonly note?: string | null;
  readonly newId?: IdFactory;
}

/**
 * Moving money is a new insert-only `budget_moves` row, never two rewritten cells: two devices
 * moving money out of one category offline both keep their move.
 */
export function moveMoney(input: MoveMoneyInput): FinanceMutation[] {
  assertMonth(input.month);
  assertMinorUnits(input.amountMinor, 'amountMinor');
  if (input.amountMinor < 0) {
    throw new RangeError('amountMinor of a move must be positive: swap from and to instead');
  }
  if (input.amountMinor === 0 || input.fromCategoryId === input.toCategoryId) return [];
  const id = (input.newId ?? randomId)();
  return [
    {
      modelName: 'budget_moves',
      operation: 'create',
      data: {
        id,
        month: input.month,
        fromCategoryId: input.fromCategoryId,
        toCategoryId: input.toCategoryId,
        amountMinor: input.amountMinor,
        ...(input.note ? { note: input.note } : {}),
      },
    },
  ];
}
