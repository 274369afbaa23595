/**
 * A German giro account's CSV export, made up deterministically: the same size always gives the
 * same bytes, so runs and machines import the same file. The layout is the one the importer's
 * `de-giro.csv` fixture shows (semicolons, quoted cells, `DD.MM.YYYY`, `1.234,56`, a preamble
 * with the account and balance, a balance footer, no bank id column, so every line gets a
 * synthetic id).
 */

/** One booking as the bank printed it. */
export interface Booking {
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly amountMinor: number;
  readonly payee: string;
  readonly notes: string;
  /** Decides what the household already has for this booking (see import-household.ts). */
  readonly kind: 'purchase' | 'income' | 'fixed' | 'savings';
  /** A second booking identical to the one before it (two coffees on one day). */
  readonly twin: boolean;
}

export interface BankStatement {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** In file order, one per CSV record after the header. */
  readonly bookings: readonly Booking[];
}

/** Where the statement ends: its last booking day. */
const LAST_DAY = '2025-11-28';
/** Bookings per day on average: a busy household account (or a small business). */
const PER_DAY = 25;
/** One booking in this many repeats the one before it exactly. */
const TWIN_EVERY = 160;

interface Shop {
  readonly payee: string;
  readonly text: 'Kartenzahlung' | 'Lastschrift';
  readonly minMinor: number;
  readonly maxMinor: number;
  readonly notes: string;
}

const SHOPS: readonly Shop[] = [
  {
    payee: 'REWE Markt GmbH',
    text: 'Lastschrift',
    minMinor: 380,
    maxMinor: 14_900,
    notes: 'REWE SAGT DANKE',
  },
  {
    payee: 'EDEKA Center Hoffmann',
    text: 'Kartenzahlung',
    minMinor: 250,
    maxMinor: 11_800,
    notes: 'EDEKA Einkauf',
  },
  {
    payee: 'ALDI SUED',
    text: 'Kartenzahlung',
    minMinor: 199,
    maxMinor: 8_900,
    notes: 'ALDI SUED SAGT DANKE',
  },
  {
    payee: 'LIDL DIENSTL GMBH',
    text: 'Kartenzahlung',
    minMinor: 149,
    maxMinor: 7_900,
    notes: 'Lidl Filiale',
  },
  {
    payee: 'dm-drogerie markt',
    text: 'Kartenzahlung',
    minMinor: 95,
    maxMinor: 5_400,
    notes: 'dm Filiale',
  },
  { payee: 'Rossmann', text: 'Kartenzahlung', minMinor: 89, maxMinor: 4_200, notes: 'Drogerie' },
  {
    payee: 'Backhaus Kamps',
    text: 'Kartenzahlung',
    minMinor: 120,
    maxMinor: 1_450,
    notes: 'Bäckerei',
  },
  { payee: 'Café Frida', text: 'Kartenzahlung', minMinor: 260, maxMinor: 1_890, notes: 'Kaffee' },
  {
    payee: 'Deutsche Bahn Fernverkehr',
    text: 'Lastschrift',
    minMinor: 1_790,
    maxMinor: 18_990,
    notes: 'DB Online-Ticket',
  },
  {
    payee: 'BVG Berliner Verkehrsbetriebe',
    text: 'Lastschrift',
    minMinor: 300,
    maxMinor: 4_900,
    notes: 'Fahrschein',
  },
  {
    payee: 'Shell Deutschland',
    text: 'Kartenzahlung',
    minMinor: 2_500,
    maxMinor: 9_800,
    notes: 'Tankstelle',
  },
  {
    payee: 'ARAL AG',
    text: 'Kartenzahlung',
    minMinor: 2_200,
    maxMinor: 9_500,
    notes: 'Tankstelle',
  },
  {
    payee: 'Amazon EU S.a.r.l.',
    text: 'Lastschrift',
    minMinor: 599,
    maxMinor: 24_999,
    notes: 'Bestellung',
  },
  {
    payee: 'PayPal Europe S.a.r.l. et Cie S.C.A',
    text: 'Lastschrift',
    minMinor: 450,
    maxMinor: 15_000,
    notes: 'PP Einkauf',
  },
  {
    payee: 'IKEA Deutschland GmbH',
    text: 'Kartenzahlung',
    minMinor: 199,
    maxMinor: 45_000,
    notes: 'IKEA Filiale',
  },
  {
    payee: 'MediaMarkt',
    text: 'Kartenzahlung',
    minMinor: 999,
    maxMinor: 89_900,
    notes: 'Elektronik',
  },
  {
    payee: 'Zalando SE',
    text: 'Lastschrift',
    minMinor: 1_995,
    maxMinor: 19_990,
    notes: 'Bestellung',
  },
  {
    payee: 'Apotheke am Markt',
    text: 'Kartenzahlung',
    minMinor: 450,
    maxMinor: 6_500,
    notes: 'Apotheke',
  },
  {
    payee: 'Restaurant Da Luigi',
    text: 'Kartenzahlung',
    minMinor: 1_800,
    maxMinor: 12_000,
    notes: 'Restaurant',
  },
  {
    payee: 'CinemaxX Entertainment',
    text: 'Kartenzahlung',
    minMinor: 990,
    maxMinor: 3_600,
    notes: 'Kino',
  },
  {
    payee: 'Hornbach Baumarkt AG',
    text: 'Kartenzahlung',
    minMinor: 299,
    maxMinor: 32_000,
    notes: 'Baumarkt',
  },
  {
    payee: 'Thalia Bücher GmbH',
    text: 'Kartenzahlung',
    minMinor: 899,
    maxMinor: 6_000,
    notes: 'Buchhandlung',
  },
  {
    payee: 'Decathlon Deutschland',
    text: 'Kartenzahlung',
    minMinor: 499,
    maxMinor: 14_999,
    notes: 'Sport',
  },
  {
    payee: 'Tchibo GmbH',
    text: 'Kartenzahlung',
    minMinor: 399,
    maxMinor: 4_999,
    notes: 'Tchibo Filiale',
  },
];

/** Bookings every month, on their day: income, rent and contracts, and the savings plan. */
const MONTHLY: readonly {
  readonly day: number;
  readonly payee: string;
  readonly text: string;
  readonly amountMinor: number;
  readonly notes: string;
  readonly kind: Booking['kind'];
}[] = [
  {
    day: 1,
    payee: 'Nordlicht Software AG',
    text: 'Gutschrift',
    amountMinor: 321_000,
    notes: 'Gehalt',
    kind: 'income',
  },
  {
    day: 1,
    payee: 'Hausverwaltung Lindner',
    text: 'Dauerauftrag',
    amountMinor: -123_456,
    notes: 'Miete Whg. 4',
    kind: 'fixed',
  },
  {
    day: 2,
    payee: 'Tagesgeld Sparplan',
    text: 'Umbuchung',
    amountMinor: -50_000,
    notes: 'Sparrate',
    kind: 'savings',
  },
  {
    day: 15,
    payee: 'Stadtwerke München',
    text: 'Lastschrift',
    amountMinor: -8_900,
    notes: 'Abschlag Strom',
    kind: 'fixed',
  },
  {
    day: 15,
    payee: 'Telekom Deutschland GmbH',
    text: 'Lastschrift',
    amountMinor: -3_995,
    notes: 'Festnetz/Internet',
    kind: 'fixed',
  },
  {
    day: 20,
    payee: 'Streamly GmbH',
    text: 'Lastschrift',
    amountMinor: -999,
    notes: 'Abo',
    kind: 'fixed',
  },
];

/** Every payee name the statement uses (for the household's payee list). */
export const STATEMENT_PAYEES: readonly string[] = [
  ...SHOPS.map((shop) => shop.payee),
  ...MONTHLY.map((entry) => entry.payee),
];

/** A small deterministic generator (mulberry32): the same seed gives the same file everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `date` moved by `days` (negative: earlier). */
export function shiftDay(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** `lines` bookings ending on LAST_DAY, about PER_DAY a day, in date order. */
export function germanBankStatement(lines: number): BankStatement {
  const random = seededRandom(lines);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const days = Math.max(1, Math.ceil(lines / PER_DAY));
  const firstDay = shiftDay(LAST_DAY, 1 - days);
  const bookings: Booking[] = [];
  const texts: string[] = [];
  for (let d = 0; d < days && bookings.length < lines; d += 1) {
    const date = shiftDay(firstDay, d);
    const dayOfMonth = Number(date.slice(8));
    const monthName = date.slice(5, 7) + '/' + date.slice(0, 4);
    for (const entry of MONTHLY) {
      if (entry.day !== dayOfMonth || bookings.length >= lines) continue;
      bookings.push({
        date,
        amountMinor: entry.amountMinor,
        payee: entry.payee,
        notes: `${entry.notes} ${monthName}`,
        kind: entry.kind,
        twin: false,
      });
      texts.push(entry.text);
    }
    // Spread what is left evenly over the remaining days.
    const untilToday = Math.round(((d + 1) * lines) / days);
    while (bookings.length < untilToday) {
      const previous = bookings.at(-1);
      if (previous?.date === date && previous.kind === 'purchase' && random() * TWIN_EVERY < 1) {
        bookings.push({ ...previous, twin: true });
        texts.push(texts[texts.length - 1]);
        continue;
      }
      const shop = SHOPS[between(0, SHOPS.length - 1)];
      bookings.push({
        date,
        amountMinor: -between(shop.minMinor, shop.maxMinor),
        payee: shop.payee,
        notes: `${shop.notes} ${between(10_000, 99_999)}`,
        kind: 'purchase',
        twin: false,
      });
      texts.push(shop.text);
    }
  }
  const csv = statementCsv(bookings, texts, random);
  return { fileName: 'Umsaetze_Girokonto.csv', bytes: new TextEncoder().encode(csv), bookings };
}

function statementCsv(
  bookings: readonly Booking[],
  texts: readonly string[],
  random: () => number,
): string {
  const quoted = (cells: readonly string[]) => cells.map((cell) => `"${cell}"`).join(';') + ';';
  const first = bookings[0]?.date ?? LAST_DAY;
  const last = bookings.at(-1)?.date ?? LAST_DAY;
  const balance = bookings.reduce((sum, b) => sum + b.amountMinor, 1_234_567);
  const digits = (count: number) =>
    Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const rows = bookings.map((booking, index) => {
    const valueDay =
      texts[index] === 'Kartenzahlung' ? shiftDay(booking.date, 1 + (index % 2)) : booking.date;
    const debit = texts[index] === 'Lastschrift';
    return quoted([
      germanDate(booking.date),
      germanDate(valueDay),
      texts[index],
      booking.payee,
      booking.notes,
      `DE${digits(20)}`,
      'COBADEFFXXX',
      germanMoney(booking.amountMinor),
      debit ? `DE98ZZZ0${digits(10)}` : '',
      debit ? `M-${digits(6)}` : '',
      '',
    ]);
  });
  return [
    '"Kontonummer:";"DE02 1203 0000 0000 2020 51 / Girokonto";',
    '',
    `"Von:";"${germanDate(first)}";`,
    `"Bis:";"${germanDate(last)}";`,
    `"Kontostand vom ${germanDate(last)}:";"${germanMoney(balance)} EUR";`,
    '',
    quoted([
      'Buchungstag',
      'Wertstellung',
      'Buchungstext',
      'Auftraggeber / Begünstigter',
      'Verwendungszweck',
      'Kontonummer',
      'BLZ',
      'Betrag (EUR)',
      'Gläubiger-ID',
      'Mandatsreferenz',
      'Kundenreferenz',
    ]),
    ...rows,
    '',
    `"Kontostand vom ${germanDate(last)}:";"";"";"";"";"";"";"${germanMoney(balance)}";`,
    '',
  ].join('\r\n');
}

function germanDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** Minor units as a German bank prints them: `-1.234,56`. */
function germanMoney(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${sign}${whole},${digits.slice(-2)}`;
}
