import type { StatementReader } from '../model/reader';
import type { StatementLine } from '../model/statement';
import { buildOfxTree, type OfxElement } from './ofx-tree';
import { leafValue, readOfxTransaction } from './ofx-transaction';
import { tokenizeOfx } from './ofx-tokens';

/** Every element named one of `names` below `element`, in document order. */
function descendants(element: OfxElement, names: readonly string[]): OfxElement[] {
  return element.children.flatMap((child) => [
    ...(names.includes(child.name) ? [child] : []),
    ...descendants(child, names),
  ]);
}

/** `BANKID:ACCTID` of a bank statement, `ACCTID` of a credit card statement. */
function accountHintOf(root: OfxElement): string | undefined {
  const account = descendants(root, ['BANKACCTFROM', 'CCACCTFROM'])[0];
  const accountId = account && leafValue(account, 'ACCTID');
  if (accountId === undefined) return undefined;
  const bankId = account.name === 'BANKACCTFROM' ? leafValue(account, 'BANKID') : undefined;
  return bankId === undefined ? accountId : `${bankId}:${accountId}`;
}

/**
 * OFX 1.x SGML, OFX 2.x XML and QFX (OFX with Intuit's extra tags). A file holding several
 * statements (accounts) gives every transaction of all of them, in file order, and the account
 * hint of the first: the user imports a file into one account, and a transaction left out
 * silently would be worse than one the preview shows.
 */
export const readOfx: StatementReader = (text, context) => {
  const root = buildOfxTree(tokenizeOfx(text), text.split(/\r\n|\r|\n/).length);
  const lines: StatementLine[] = descendants(root, ['STMTTRN']).map((transaction, index) =>
    readOfxTransaction(transaction, index + 1, context),
  );
  const accountHint = accountHintOf(root);
  return { ...(accountHint !== undefined ? { accountHint } : {}), lines };
};
