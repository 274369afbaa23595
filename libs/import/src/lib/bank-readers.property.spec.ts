import fc from 'fast-check';
import { ImportFileError } from './model/statement';
import { readOfx } from './ofx/read-ofx';
import { readQif } from './qif/read-qif';
import { readerContext } from '../testing/bank-fixture';

/** Bad input must end in a readable `ImportFileError` or line errors, never in a crash. */
function readsOrRefuses(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    return error instanceof ImportFileError;
  }
}

const ofxPiece = fc.oneof(
  fc.constantFrom(
    '<OFX>',
    '</OFX>',
    '<BANKTRANLIST>',
    '</BANKTRANLIST>',
    '<STMTTRN>',
    '</STMTTRN>',
    '<DTPOSTED>',
    '<TRNAMT>',
    '<FITID>',
    '<NAME>',
    '</NAME>',
    '<MEMO/>',
    '&amp;lt;',
    '\n',
    '<',
    '>',
  ),
  fc.string({ maxLength: 12 }),
);

const qifPiece = fc.oneof(
  fc.constantFrom('!Type:Bank', '!Account', '^', 'D', 'T', 'U', 'S', 'E', '$', 'L', 'C', 'N'),
  fc.string({ maxLength: 12 }),
);

describe('bank readers on arbitrary input', () => {
  it('readOfx reads or refuses with ImportFileError', () => {
    fc.assert(
      fc.property(fc.array(ofxPiece, { maxLength: 60 }), (pieces) =>
        readsOrRefuses(() => readOfx(`<OFX>${pieces.join('')}`, readerContext())),
      ),
      { numRuns: 300 },
    );
  });

  it('readQif reads or refuses with ImportFileError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(qifPiece, fc.string({ maxLength: 10 })), { maxLength: 40 }),
        (pieces) =>
          readsOrRefuses(() =>
            readQif(pieces.map(([code, value]) => code + value).join('\n'), readerContext()),
          ),
      ),
      { numRuns: 300 },
    );
  });
});
