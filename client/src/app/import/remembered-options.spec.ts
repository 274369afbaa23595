import { readRememberedChoices, rememberedChoicesText } from './remembered-options';

describe('remembered import options', () => {
  it('round-trips the choices, without the lines left out of one import', () => {
    const choices = {
      delimiter: ';' as const,
      hasHeader: true,
      skipStartLines: 3,
      columns: { date: 'Buchungstag', amount: 'Betrag', payee: 2 },
      dateFormat: 'DD.MM.YYYY' as const,
      decimal: ',' as const,
      flipSign: true,
    };
    const text = rememberedChoicesText({ ...choices, excludeLines: [4] } as never);
    expect(readRememberedChoices(text)).toEqual(choices);
  });

  it('starts over from detection for no row, damaged text or an option this app does not know', () => {
    expect(readRememberedChoices(null)).toEqual({});
    expect(readRememberedChoices('{"delimiter":')).toEqual({});
    expect(readRememberedChoices('{"delimiter":";","newOption":1}')).toEqual({});
    expect(readRememberedChoices('{"delimiter":"x"}')).toEqual({});
  });

  it('keeps within the field’s 500 characters: long header names by position, else no mapping', () => {
    const long = (name: string) => `${name} ${'x'.repeat(150)}`;
    const names = [long('date'), long('amount'), long('payee'), long('notes')];
    const columns = { date: names[0], amount: names[1], payee: names[2], notes: names[3] };
    const text = rememberedChoicesText({ decimal: ',', columns }, names);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(readRememberedChoices(text)).toEqual({
      decimal: ',',
      columns: { date: 0, amount: 1, payee: 2, notes: 3 },
    });

    const unknown = rememberedChoicesText({ decimal: ',', columns }, []);
    expect(readRememberedChoices(unknown)).toEqual({ decimal: ',' });
  });
});
