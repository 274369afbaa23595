import { currencyExponent } from './currency-exponent';

describe('currencyExponent', () => {
  it.each([
    ['EUR', 2],
    ['usd', 2],
    ['HUF', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CLF', 4],
  ])('%s has %i minor digits', (code, digits) => {
    expect(currencyExponent(code)).toBe(digits);
  });
});
