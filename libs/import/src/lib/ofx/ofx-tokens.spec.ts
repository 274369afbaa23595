import { ImportFileError } from '../model/statement';
import { tokenizeOfx } from './ofx-tokens';

describe('tokenizeOfx', () => {
  it('skips the SGML header and numbers lines across CRLF, LF and CR', () => {
    const text = 'OFXHEADER:100\r\nDATA:OFXSGML\r\n\r\n<OFX>\r\n<CODE>0\n<NAME>A\r</OFX>';
    expect(tokenizeOfx(text)).toEqual([
      { kind: 'open', name: 'OFX', line: 4, empty: false },
      { kind: 'open', name: 'CODE', line: 5, empty: false },
      { kind: 'text', value: '0', line: 5, literal: false },
      { kind: 'open', name: 'NAME', line: 6, empty: false },
      { kind: 'text', value: 'A', line: 6, literal: false },
      { kind: 'close', name: 'OFX', line: 7 },
    ]);
  });

  it('skips XML declarations, processing instructions and comments; reads CDATA literally', () => {
    const text =
      '<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>\n<OFX><!-- note --><MEMO><![CDATA[a &amp; b]]></MEMO><E/></OFX>';
    expect(tokenizeOfx(text)).toEqual([
      { kind: 'open', name: 'OFX', line: 3, empty: false },
      { kind: 'open', name: 'MEMO', line: 3, empty: false },
      { kind: 'text', value: 'a &amp; b', line: 3, literal: true },
      { kind: 'close', name: 'MEMO', line: 3 },
      { kind: 'open', name: 'E', line: 3, empty: true },
      { kind: 'close', name: 'OFX', line: 3 },
    ]);
  });

  it('upper-cases tag names', () => {
    expect(
      tokenizeOfx('<ofx><name>x</name></ofx>').map((token) => token.kind === 'text' || token.name),
    ).toEqual(['OFX', 'NAME', true, 'NAME', 'OFX']);
  });

  it('refuses a file without an <OFX> element', () => {
    expect(() => tokenizeOfx('Date,Amount\n2024-01-01,5')).toThrow(ImportFileError);
    expect(() => tokenizeOfx('Date,Amount\n2024-01-01,5')).toThrow(/not an OFX or QFX file/);
  });

  it('names the line of a tag that is cut off', () => {
    expect(() => tokenizeOfx('<OFX>\n<STMTTRN>\n<TRNA')).toThrow('Line 3: a tag is cut off');
    expect(() => tokenizeOfx('<OFX>\n<NAME<MEMO>x')).toThrow('Line 2: a tag is cut off');
  });
});
