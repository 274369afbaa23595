import { isComplete, mapHeader, normaliseHeader } from './header-names';

describe('normaliseHeader', () => {
  it.each([
    ['  Betrag (EUR) ', 'betrag'],
    ['Umsatz in EUR', 'umsatz'],
    ['Amount [USD]', 'amount'],
    ['Buchungstag:', 'buchungstag'],
    ['Auftraggeber /\u00a0Begünstigter', 'auftraggeber / begünstigter'],
    ['Ko\u0308nyvele\u0301s da\u0301tuma', 'könyvelés dátuma'],
  ])('%j compares as %j', (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });
});

describe('mapHeader', () => {
  it('maps a DKB-style header, preferring the booking day to the value day', () => {
    expect(
      mapHeader([
        'Buchungstag',
        'Wertstellung',
        'Buchungstext',
        'Auftraggeber / Begünstigter',
        'Verwendungszweck',
        'Betrag (EUR)',
        'Kundenreferenz',
      ]),
    ).toEqual({ date: 0, payee: 3, notes: 4, amount: 5 });
  });

  it('maps English headers with an id column', () => {
    expect(mapHeader(['Date', 'Payee', 'Memo', 'Amount', 'Reference'])).toEqual({
      date: 0,
      payee: 1,
      notes: 2,
      amount: 3,
      id: 4,
    });
  });

  it.each([
    [['Datum', 'Empfänger', 'Soll', 'Haben'], { date: 0, payee: 1, outflow: 2, inflow: 3 }],
    [['Valuta', 'Name', 'Belastung', 'Gutschrift'], { date: 0, payee: 1, outflow: 2, inflow: 3 }],
    [['Date', 'Description', 'Outflow', 'Inflow'], { date: 0, payee: 1, outflow: 2, inflow: 3 }],
    [
      ['Buchungsdatum', 'Umsatz', 'Beschreibung', 'Notes'],
      { date: 0, amount: 1, payee: 2, notes: 3 },
    ],
    [['Könyvelés dátuma', 'Összeg', 'Devizanem'], { date: 0, amount: 1 }],
  ])('maps %j', (header, mapping) => {
    expect(mapHeader(header)).toEqual(mapping);
  });

  it('takes "Description" as the payee only when no payee column exists', () => {
    expect(mapHeader(['Date', 'Description', 'Amount'])).toEqual({ date: 0, payee: 1, amount: 2 });
    expect(mapHeader(['Date', 'Payee', 'Description', 'Amount'])).toEqual({
      date: 0,
      payee: 1,
      notes: 2,
      amount: 3,
    });
  });

  it('prefers a signed amount column to debit and credit columns', () => {
    expect(mapHeader(['Date', 'Debit', 'Credit', 'Amount'])).toEqual({ date: 0, amount: 3 });
  });

  it('is complete only with a date and an amount', () => {
    expect(isComplete(mapHeader(['Datum', 'Empfänger', 'Verwendungszweck']))).toBe(false);
    expect(isComplete(mapHeader(['Empfänger', 'Betrag']))).toBe(false);
    expect(isComplete(mapHeader(['Datum', 'Soll']))).toBe(true);
  });
});
