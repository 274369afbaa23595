import { BUDGET_ID_NAMESPACE } from '@finwise/domain';
import { v5 as uuidv5 } from 'uuid';

/**
 * An imported row's id (FINANCE §5): the same bank row imported on two devices, or twice on one,
 * is the same row, so last-writer-wins merges it instead of adding a copy (research D1).
 */
export function importedTransactionId(accountId: string, importedId: string): string {
  return uuidv5(`import:${accountId.toLowerCase()}:${importedId}`, BUDGET_ID_NAMESPACE);
}

/**
 * A QIF split line's id: UUIDv5(`import-split:` + parent id lowercased + `:` + index, NS), with
 * the 1-based position of the split in its record. The parent's id is already deterministic, so
 * its children are too, and a re-import or a second device writes the same children.
 */
export function importedSplitLineId(parentId: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 1) {
    throw new RangeError(`A split line's index is 1-based: ${index}`);
  }
  return uuidv5(`import-split:${parentId.toLowerCase()}:${index}`, BUDGET_ID_NAMESPACE);
}
