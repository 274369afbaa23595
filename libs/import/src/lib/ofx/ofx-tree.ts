import { ImportFileError } from '../model/statement';
import { decodeOfxEntities } from './ofx-entities';
import type { OfxToken } from './ofx-tokens';

/** An OFX element: an aggregate has `children`, a leaf has `value` (entities decoded). */
export interface OfxElement {
  readonly name: string;
  readonly line: number;
  readonly value?: string;
  readonly children: readonly OfxElement[];
}

interface BuildingElement {
  readonly name: string;
  readonly line: number;
  value?: string;
  children: BuildingElement[];
}

/**
 * Aggregates the statement reader relies on. In SGML only leaves may go unclosed, so one of these
 * closed implicitly (by an outer end tag) or left open at the end means the file is damaged or
 * truncated, and reading on would silently lose transactions.
 */
const STRUCTURAL = new Set([
  'OFX',
  'BANKMSGSRSV1',
  'CREDITCARDMSGSRSV1',
  'STMTTRNRS',
  'CCSTMTTRNRS',
  'STMTRS',
  'CCSTMTRS',
  'BANKACCTFROM',
  'CCACCTFROM',
  'BANKTRANLIST',
  'STMTTRN',
]);

/**
 * Builds the element tree of both dialects. A start tag followed by text is a leaf (SGML leaves
 * have no end tag; an XML leaf's end tag is consumed). A start tag followed by another tag opens
 * an aggregate — or is an empty SGML leaf (`<NAME><MEMO>x`): such an element is only ever closed
 * implicitly, and then its apparent children are handed back to its parent, where they belong.
 */
export function buildOfxTree(tokens: readonly OfxToken[], lastLine: number): OfxElement {
  const root: BuildingElement = { name: '#document', line: 1, children: [] };
  const stack: BuildingElement[] = [root];
  let transactions = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const parent = stack[stack.length - 1];
    // Stray text (between aggregates, or after a structural start tag) carries nothing we read.
    if (token.kind === 'text') continue;
    if (token.kind === 'close') {
      closeElement(stack, token.name, token.line);
      continue;
    }
    const element: BuildingElement = { name: token.name, line: token.line, children: [] };
    if (element.name === 'STMTTRN') transactions++;
    parent.children.push(element);
    const next = tokens[index + 1];
    if (token.empty) {
      element.value = '';
    } else if (next?.kind === 'text' && !STRUCTURAL.has(token.name)) {
      element.value = next.literal ? next.value : decodeOfxEntities(next.value);
      index++;
      const after = tokens[index + 1];
      if (after?.kind === 'close' && after.name === token.name) index++;
    } else if (next?.kind === 'close' && next.name === token.name) {
      element.value = '';
      index++;
    } else {
      stack.push(element);
    }
  }
  if (stack.length > 1) throw truncated(stack, lastLine, transactions);
  return root;
}

function closeElement(stack: BuildingElement[], name: string, line: number): void {
  let target = stack.length - 1;
  while (target > 0 && stack[target].name !== name) target--;
  // An end tag matching nothing open is a leaf's optional end tag after its text: nothing to do.
  if (target === 0) return;
  while (stack.length - 1 > target) {
    const unclosed = stack.pop() as BuildingElement;
    if (STRUCTURAL.has(unclosed.name)) {
      throw new ImportFileError(
        `<${unclosed.name}> opened on line ${unclosed.line} is not closed before </${name}>: ` +
          'the file is damaged',
        line,
      );
    }
    const parent = stack[stack.length - 1];
    parent.children.push(...unclosed.children);
    unclosed.children = [];
    unclosed.value = '';
  }
  stack.pop();
}

function truncated(
  stack: readonly BuildingElement[],
  lastLine: number,
  transactions: number,
): ImportFileError {
  // Only the last transaction opened can still be open at the end.
  const transaction = stack.find((element) => element.name === 'STMTTRN');
  if (transaction) {
    const fitid = transaction.children.find((child) => child.name === 'FITID')?.value;
    return new ImportFileError(
      `the file ends inside transaction ${transactions}` +
        (fitid ? ` (FITID ${fitid})` : '') +
        ': the file is truncated',
      transaction.line,
    );
  }
  const open = [...stack].reverse().find((element) => STRUCTURAL.has(element.name));
  const missing = open ? `</${open.name}> (opened on line ${open.line})` : 'its end tags';
  return new ImportFileError(`the file ends before ${missing}: the file is truncated`, lastLine);
}
