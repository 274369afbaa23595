import { normalisePayeeName } from '@finwise/domain';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { StatementLine } from '../model/statement';

/** `importedId` is a short text field (≤ 200 characters, DESIGN §4). */
export const MAX_IMPORTED_ID_LENGTH = 200;

function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The synthetic id of research D2 as FINANCE §5 words it: `syn:` + SHA-256 hex of
 * `accountId|date|amountMinor|normalised payee|k`. The account id is lowercased like in
 * `importedTransactionId`, so the id does not depend on how a caller spells the UUID.
 */
export function syntheticImportedId(
  accountId: string,
  date: string,
  amountMinor: number,
  payee: string | undefined,
  k: number,
): string {
  const key = [
    accountId.toLowerCase(),
    date,
    String(amountMinor),
    normalisePayeeName(payee ?? ''),
    String(k),
  ];
  return `syn:${sha256Hex(key.join('|'))}`;
}

/**
 * The `importedId` a bank id is stored as. OFX allows a FITID of up to 255 characters, the field
 * holds 200: a longer one is replaced by `sha256:` + its hash, which is as stable as the id itself.
 */
export function importedIdForBankId(bankId: string): string {
  return bankId.length <= MAX_IMPORTED_ID_LENGTH ? bankId : `sha256:${sha256Hex(bankId)}`;
}

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A line the importer can turn into a row: it was read without error and has a date and amount. */
export function isUsableLine(
  line: StatementLine,
): line is StatementLine & { readonly date: string; readonly amountMinor: number } {
  return (
    line.error === undefined &&
    line.date !== undefined &&
    DATE_PATTERN.test(line.date) &&
    line.amountMinor !== undefined &&
    Number.isSafeInteger(line.amountMinor)
  );
}

/**
 * Each line's `importedId`, by position: its bank id when it has one, otherwise its synthetic id,
 * where k = 1, 2, … numbers the lines of this file with the same date, amount and normalised payee
 * in file order. So two real same-day purchases stay two rows, and a statement overlapping an
 * earlier one gives the overlap the same ids. Lines that cannot be imported (an error, no date or
 * no amount) get none and take no k, so they do not shift the ids of the readable lines.
 */
export function syntheticImportedIds(
  accountId: string,
  lines: readonly StatementLine[],
): readonly (string | undefined)[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    if (!isUsableLine(line)) return undefined;
    const bankId = line.bankId?.trim();
    if (bankId) return importedIdForBankId(bankId);
    const twinKey = `${line.date}|${line.amountMinor}|${normalisePayeeName(line.payee ?? '')}`;
    const k = (seen.get(twinKey) ?? 0) + 1;
    seen.set(twinKey, k);
    return syntheticImportedId(accountId, line.date, line.amountMinor, line.payee, k);
  });
}
