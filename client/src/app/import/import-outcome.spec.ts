import { blockingText, outcomeText } from './import-outcome';

describe('import wording', () => {
  it('says what an import did', () => {
    expect(outcomeText({ created: 3, updated: 1, duplicate: 2, locked: 0, error: 0 })).toBe(
      '3 added, 1 matched, 2 duplicates skipped.',
    );
    expect(outcomeText({ created: 0, updated: 0, duplicate: 1, locked: 2, error: 1 })).toBe(
      '0 added, 0 matched, 1 duplicate skipped, 2 reconciled transactions left as they were, 1 line with errors left out.',
    );
  });

  it('names the lines an import waits for, the first with its error', () => {
    expect(blockingText([4], 'abc is not an amount')).toBe(
      'Line 4 has an error (line 4: abc is not an amount). Change how the file is read, or leave it out to import the rest.',
    );
    const many = Array.from({ length: 25 }, (_, index) => index + 2);
    expect(blockingText(many, undefined)).toMatch(
      /^Lines 2, 3, .*, 21 … have an error\. .*leave them out/,
    );
  });
});
