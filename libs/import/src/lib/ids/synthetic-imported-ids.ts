import { MAX_MONEY_MINOR, normalisePayeeName } from '@finwise/domain';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { StatementLine } from '../model/statement';
import { memoisedDerivation } from './memoised-derivation';

/** `importedId` is a short text field (≤ 200 characters, DESIGN §4). */
export const MAX_IMPORTED_ID_LENGTH = 200;

/** One hash per line without a bank id, for the largest file an import accepts (10 MB). */
const REMEMBERED_HASHES = 50_000;
const sha256Hex = memoisedDerivation(
  (text: string): string => bytesToHex(sha256(utf8ToBytes(text))),
  REMEMBERED_HASHES,
);

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
/** The dates a transaction may carry (DESIGN §4 date fields). */
const FIRST_DATE = '1900-01-01';
const LAST_DATE = '2199-12-31';

const isStorableAmount = (amount: number) =>
  Number.isSafeInteger(amount) && Math.abs(amount) <= MAX_MONEY_MINOR;

/**
 * Why a line cannot become a row, or undefined when it can: the reader's own error first, then
 * what the transactions entity would refuse (a missing, malformed or out-of-range date, an amount
 * that is not whole minor units or beyond ±10^15), so the import stops before the server would.
 */
export function lineProblem(line: StatementLine): string | undefined {
  if (line.error !== undefined) return line.error;
  if (line.date === undefined) return 'no date';
  if (!DATE_PATTERN.test(line.date)) return `the date ${line.date} is not YYYY-MM-DD`;
  if (line.date < FIRST_DATE || line.date > LAST_DATE) {
    return `the date ${line.date} is outside ${FIRST_DATE} to ${LAST_DATE}`;
  }
  if (line.amountMinor === undefined) return 'no amount';
  if (!isStorableAmount(line.amountMinor)) {
    return `the amount ${line.amountMinor} is not whole minor units within ±${MAX_MONEY_MINOR}`;
  }
  const split = (line.splits ?? []).findIndex((each) => !isStorableAmount(each.amountMinor));
  if (split >= 0) {
    return `split ${split + 1}: the amount ${line.splits?.[split].amountMinor} is not whole minor units within ±${MAX_MONEY_MINOR}`;
  }
  return undefined;
}

/** A line the importer can turn into a row (see `lineProblem`). */
export function isUsableLine(
  line: StatementLine,
): line is StatementLine & { readonly date: string; readonly amountMinor: number } {
  return lineProblem(line) === undefined;
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
