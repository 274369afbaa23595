import { parseDate } from '../dates/parse-date';
import type { ReaderContext } from '../model/reader';
import type { StatementLine } from '../model/statement';
import { parseMoney } from '../money/parse-money';
import type { OfxElement } from './ofx-tree';

/** The value of a direct leaf child, trimmed; `undefined` when absent or empty. */
export function leafValue(element: OfxElement, name: string): string | undefined {
  const value = element.children.find((child) => child.name === name)?.value?.trim();
  return value === '' ? undefined : value;
}

/** OFX dates are `YYYYMMDD[HHMMSS[.XXX]][[offset:TZ]]`: the day is the bank's, whatever the zone. */
function readPostedDate(raw: string): string | undefined {
  const digits = /^\d{8}/.exec(raw)?.[0];
  return digits === undefined ? undefined : parseDate(digits, 'YYYYMMDD');
}

/**
 * One `<STMTTRN>` as a statement line. `position` (1-based, in file order) and the FITID name the
 * transaction in errors, because a one-line file gives every transaction the same line. A missing
 * or unreadable date or amount keeps the line, with `error`, so the preview can show it.
 */
export function readOfxTransaction(
  transaction: OfxElement,
  position: number,
  context: ReaderContext,
): StatementLine {
  const bankId = leafValue(transaction, 'FITID');
  const rawDate = leafValue(transaction, 'DTPOSTED');
  const rawAmount = leafValue(transaction, 'TRNAMT');
  // OFX 1.6 also allows a <PAYEE> aggregate in place of NAME; its NAME is the payee then.
  const payeeAggregate = transaction.children.find((child) => child.name === 'PAYEE');
  const name =
    leafValue(transaction, 'NAME') ?? (payeeAggregate && leafValue(payeeAggregate, 'NAME'));
  const memo = leafValue(transaction, 'MEMO');
  // With the fallback on, a memo standing in for the payee is not repeated as the notes.
  const payeeFromMemo = name === undefined && memo !== undefined && context.options.payeeFromMemo;
  const payee = payeeFromMemo ? memo : name;
  const notes = payeeFromMemo ? undefined : memo;

  const problems: string[] = [];
  const date = rawDate === undefined ? undefined : readPostedDate(rawDate);
  if (rawDate === undefined) problems.push('no date (DTPOSTED)');
  else if (date === undefined) problems.push(`DTPOSTED "${rawDate}" is not a date`);

  let amountMinor: number | undefined;
  let warning: string | undefined;
  if (rawAmount === undefined) {
    problems.push('no amount (TRNAMT)');
  } else {
    // A currency sign (`$120`) is dropped by parseMoney, like the spaces around it.
    const money = parseMoney(rawAmount, {
      decimal: '.',
      exponent: context.exponent,
      format: 'ofx',
      currency: context.currency,
    });
    if (money.kind === 'ok') {
      amountMinor = money.minor;
      warning = strayAmountText(rawAmount);
    } else problems.push(`TRNAMT: ${money.message}`);
  }

  const label = `transaction ${position}` + (bankId === undefined ? '' : ` (FITID ${bankId})`);
  return {
    line: transaction.line,
    ...(date !== undefined ? { date } : {}),
    ...(rawDate !== undefined ? { rawDate } : {}),
    ...(amountMinor !== undefined ? { amountMinor } : {}),
    ...(rawAmount !== undefined ? { rawAmount } : {}),
    ...(payee !== undefined ? { payee } : {}),
    ...(notes !== undefined ? { notes } : {}),
    ...(bankId !== undefined ? { bankId } : {}),
    ...(problems.length > 0 ? { error: `${label}: ${problems.join('; ')}` } : {}),
    ...(warning !== undefined && problems.length === 0 ? { warning: `${label}: ${warning}` } : {}),
  };
}

/** What a valid OFX amount is made of: a sign, digits and one decimal mark. */
const OFX_AMOUNT = /^[+\-\u2212]?\d*[.,]?\d*$/;

/**
 * Research §3.5: a TRNAMT with a currency sign or other characters around the number (`$120`,
 * `120.00 USD`) is read without them, and the line says so. A warning, not an error: the number
 * itself is unambiguous (OFX never groups thousands, and parseMoney refuses anything it cannot
 * read exactly), the sign is what Actual strips too, and refusing would make the user edit the
 * bank's file by hand. The user sees the raw value and can leave the line out.
 */
function strayAmountText(rawAmount: string): string | undefined {
  const compact = rawAmount.replace(/\s/g, '');
  if (OFX_AMOUNT.test(compact)) return undefined;
  const stray = [...new Set(compact.replace(/[\d.,+\-\u2212]/g, ''))].join('');
  return stray === ''
    ? `TRNAMT "${rawAmount}" is not written the way OFX writes amounts: check the amount`
    : `TRNAMT "${rawAmount}" was read without "${stray}": check the amount`;
}
