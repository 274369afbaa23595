import { currencyOptions } from './currency-options';

describe('currencyOptions', () => {
  it('names each currency after its code, in the given language', () => {
    const options = currencyOptions('en-US');
    expect(options.find((option) => option.code === 'EUR')?.label).toBe('EUR · Euro');
    expect(options.find((option) => option.code === 'JPY')?.label).toBe('JPY · Japanese Yen');
    expect(currencyOptions('de-DE').find((option) => option.code === 'USD')?.label).toBe(
      'USD · US-Dollar',
    );
  });
});
