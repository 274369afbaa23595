/** The roles a CSV column can play, as in `ColumnMapping`. */
export type ColumnRole = 'date' | 'amount' | 'inflow' | 'outflow' | 'payee' | 'notes' | 'id';

/**
 * Header names banks use, per role, most specific first: when two columns match a role (DKB has
 * both `Buchungstag` and `Wertstellung`), the one whose name comes earlier here wins. English,
 * German and the Hungarian export from research §5.
 */
const NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  date: [
    'date',
    'transaction date',
    'posting date',
    'posted date',
    'post date',
    'booking date',
    'buchungstag',
    'buchungsdatum',
    'datum',
    'könyvelés dátuma',
    'dátum',
    'value date',
    'valuta',
    'valutadatum',
    'wertstellung',
    'wertstellungsdatum',
    'értéknap',
  ],
  amount: ['amount', 'transaction amount', 'betrag', 'umsatz', 'összeg', 'value'],
  outflow: ['debit', 'debit amount', 'outflow', 'withdrawal', 'withdrawals', 'soll', 'belastung'],
  inflow: ['credit', 'credit amount', 'inflow', 'deposit', 'deposits', 'haben', 'gutschrift'],
  payee: [
    'payee',
    'empfänger',
    'zahlungsempfänger',
    'auftraggeber',
    'auftraggeber / begünstigter',
    'auftraggeber/begünstigter',
    'auftraggeber / empfänger',
    'auftraggeber/empfänger',
    'begünstigter / zahlungspflichtiger',
    'begünstigter/zahlungspflichtiger',
    'zahlungsempfänger*in',
    'name',
    'beschreibung',
    'merchant',
    'counterparty',
    'partner neve',
  ],
  notes: ['description', 'memo', 'verwendungszweck', 'notes', 'note', 'közlemény'],
  id: ['id', 'transaction id', 'reference', 'referenz', 'fitid'],
};

/**
 * Compares header text loosely: case, surrounding quotes and spaces, a trailing colon and a
 * currency suffix (`Betrag (EUR)`, `Umsatz in EUR`, `Amount [USD]`) do not matter.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/:$/, '')
    .replace(/\s*[([][^)\]]*[)\]]$/, '')
    .replace(/\s+in\s+[a-z]{3}$/, '')
    .trim();
}

/** Column indexes per role found by header names; each column plays at most one role. */
export function mapHeader(header: readonly string[]): Partial<Record<ColumnRole, number>> {
  const headers = header.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: Partial<Record<ColumnRole, number>> = {};
  const roles: readonly ColumnRole[] = [
    'date',
    'amount',
    'outflow',
    'inflow',
    'payee',
    'notes',
    'id',
  ];
  for (const role of roles) {
    // Card exports name the merchant "Description"; with no payee column it is the payee.
    const names = role === 'payee' ? [...NAMES.payee, 'description'] : NAMES[role];
    for (const name of names) {
      const index = headers.findIndex((candidate, at) => candidate === name && !taken.has(at));
      if (index >= 0) {
        mapping[role] = index;
        taken.add(index);
        break;
      }
    }
  }
  // A file with a signed amount column reads it; debit/credit columns are for files without one.
  if (mapping.amount !== undefined) {
    delete mapping.inflow;
    delete mapping.outflow;
  }
  return mapping;
}

/** A mapping that names a date and an amount (one column, or inflow and/or outflow). */
export function isComplete(mapping: Partial<Record<ColumnRole, number>>): boolean {
  return (
    mapping.date !== undefined &&
    (mapping.amount !== undefined || mapping.inflow !== undefined || mapping.outflow !== undefined)
  );
}

const CURRENCY_NAMES = ['currency', 'währung', 'waehrung', 'devizanem', 'ccy'];

/**
 * A column naming each row's currency (`Währung`, `Devizanem`). It is not mapped: amounts are
 * read in the account's currency, and this column only catches a row that is in another one.
 */
export function findCurrencyColumn(header: readonly string[]): number | undefined {
  const index = header.map(normaliseHeader).findIndex((name) => CURRENCY_NAMES.includes(name));
  return index >= 0 ? index : undefined;
}
