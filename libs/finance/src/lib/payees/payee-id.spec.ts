import { normalisePayeeName, payeeIdFor, tidyPayeeName } from './payee-id';

describe('payee ids', () => {
  it('are UUIDv5 of "payee:" + the name lowercased, trimmed, inner whitespace collapsed', () => {
    const expected = '851f3118-36cd-5310-ba8e-5457e438d49f';
    expect(payeeIdFor('rewe markt')).toBe(expected);
    expect(payeeIdFor('  REWE   Markt ')).toBe(expected);
    expect(payeeIdFor('Rewe\tMarkt\n')).toBe(expected);
    expect(payeeIdFor('Rewe Märkte')).not.toBe(expected);
  });

  it('normalise for the key, tidy for display', () => {
    expect(normalisePayeeName('  Café   DE  Flore ')).toBe('café de flore');
    expect(tidyPayeeName('  Café   DE  Flore ')).toBe('Café DE Flore');
  });
});
