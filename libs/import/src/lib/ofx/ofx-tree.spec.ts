import { ImportFileError } from '../model/statement';
import { buildOfxTree, type OfxElement } from './ofx-tree';
import { tokenizeOfx } from './ofx-tokens';

function tree(text: string): OfxElement {
  return buildOfxTree(tokenizeOfx(text), text.split('\n').length);
}

/** name=value for leaves, name(children) for aggregates. */
function shape(element: OfxElement): string {
  if (element.value !== undefined) return `${element.name}=${element.value}`;
  return `${element.name}(${element.children.map(shape).join(' ')})`;
}

describe('buildOfxTree', () => {
  it('reads SGML leaves without end tags and XML leaves with them the same way', () => {
    const sgml = tree('<OFX><STMTTRN><TRNAMT>-1.00<NAME>A &amp; B</STMTTRN></OFX>');
    const xml = tree('<OFX><STMTTRN><TRNAMT>-1.00</TRNAMT><NAME>A &amp; B</NAME></STMTTRN></OFX>');
    expect(shape(sgml)).toBe('#document(OFX(STMTTRN(TRNAMT=-1.00 NAME=A & B)))');
    expect(shape(xml)).toBe(shape(sgml));
  });

  it('reads empty leaves of both dialects as empty values', () => {
    expect(shape(tree('<OFX><STMTTRN><NAME><MEMO>x</STMTTRN></OFX>'))).toBe(
      '#document(OFX(STMTTRN(NAME= MEMO=x)))',
    );
    expect(shape(tree('<OFX><STMTTRN><NAME></NAME><MEMO/></STMTTRN></OFX>'))).toBe(
      '#document(OFX(STMTTRN(NAME= MEMO=)))',
    );
  });

  it('never reads a structural aggregate as a leaf', () => {
    expect(shape(tree('<OFX><STMTTRN>junk<NAME>A</STMTTRN></OFX>'))).toBe(
      '#document(OFX(STMTTRN(NAME=A)))',
    );
  });

  it('keeps the line each element starts on', () => {
    const root = tree('<OFX>\n<STMTTRN>\n<NAME>x\n</STMTTRN>\n</OFX>');
    const transaction = root.children[0].children[0];
    expect([transaction.line, transaction.children[0].line]).toEqual([2, 3]);
  });

  it('refuses a file that ends inside a transaction, naming its line and FITID', () => {
    const text =
      '<OFX>\n<BANKTRANLIST>\n<STMTTRN>\n<FITID>A1\n</STMTTRN>\n<STMTTRN>\n<FITID>B2\n<TRNAMT>-3.7';
    expect(() => tree(text)).toThrow(ImportFileError);
    expect(() => tree(text)).toThrow(
      'Line 6: the file ends inside transaction 2 (FITID B2): the file is truncated',
    );
  });

  it('refuses a file that ends before </BANKTRANLIST> or </OFX>', () => {
    expect(() => tree('<OFX>\n<BANKTRANLIST>\n<STMTTRN>\n<FITID>A1\n</STMTTRN>')).toThrow(
      'Line 5: the file ends before </BANKTRANLIST> (opened on line 2): the file is truncated',
    );
    expect(() => tree('<OFX>\n<BANKTRANLIST>\n</BANKTRANLIST>')).toThrow(
      'Line 3: the file ends before </OFX> (opened on line 1)',
    );
  });

  it('refuses a transaction closed implicitly by an outer end tag', () => {
    expect(() =>
      tree('<OFX>\n<BANKTRANLIST>\n<STMTTRN>\n<FITID>A1\n</BANKTRANLIST>\n</OFX>'),
    ).toThrow('Line 5: <STMTTRN> opened on line 3 is not closed before </BANKTRANLIST>');
  });
});
