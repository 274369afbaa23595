import { randomUUID } from 'node:crypto';
import { payeeIdFor, tidyPayeeName } from '@finwise/domain';
import {
  importedTransactionId,
  planImport,
  readStatement,
  syntheticImportedIds,
  type ImportContext,
  type ImportPlan,
  type ParsedStatement,
} from '@finwise/import';
import { HybridLogicalClock, randomNodeId, type Mutation } from '@finwise/sync-protocol';
import {
  STATEMENT_PAYEES,
  seededRandom,
  shiftDay,
  type BankStatement,
  type Booking,
} from './bank-statement';

type Row = { id: string } & Record<string, unknown>;

/** A household whose giro account already holds years of rows when the statement arrives. */
export interface ImportHousehold {
  readonly accountId: string;
  readonly currency: string;
  /** Accounts, categories and payees (a fresh household for the push baseline gets them too). */
  readonly setup: Mutation[];
  /** The account's transactions, then the deletes that leave tombstones. */
  readonly transactions: Mutation[];
  /** Transactions rows the household holds, tombstones included. */
  readonly rowCount: number;
  /** The statement as the importer reads it (in Node, with the same library). */
  readonly statement: ParsedStatement;
  /**
   * What `planImport` decides for the statement against every row the household has: the
   * browser's and the server's import must come to the same summary and writes.
   */
  readonly expected: ImportPlan;
}

const CURRENCY = 'EUR';
/** The first tenth of the statement was imported before (an overlapping earlier statement). */
const OVERLAP_SHARE = 0.1;
/** One line in this many (after the overlap) was typed in by hand before the bank booked it. */
const TYPED_EVERY = 10;
/** One typed row in this many was reconciled since: the import leaves it alone (`locked`). */
const RECONCILED_EVERY = 20;
/** One line in this many (after the overlap) was imported before and deleted by the user. */
const DELETED_EVERY = 200;
/** One payee name in this many is new to the household: the import seeds it. */
const NEW_PAYEE_EVERY = 6;

const CATEGORY_NAMES = [
  'Lebensmittel',
  'Drogerie',
  'Mobilität',
  'Wohnen',
  'Freizeit',
  'Kleidung',
  'Gesundheit',
  'Gehalt',
];

/**
 * The household for `statement`: a giro and a savings account, categories, most of the
 * statement's payees, and `existingRows` transactions. Among them: the statement's first tenth
 * as an earlier import left it (→ `duplicate`), rows typed in by hand a few days before the bank
 * booked them (→ `match`, some reconciled → `locked`), the savings plan booked from the savings
 * account as a transfer into giro (→ the transfer's far side is claimed), imported rows the user
 * deleted (→ `duplicate` of the tombstone), and the account's history before the statement.
 */
export function importHousehold(statement: BankStatement, existingRows: number): ImportHousehold {
  const random = seededRandom(existingRows + 1);
  const clock = new HybridLogicalClock(randomNodeId());
  const mutation = (
    modelName: string,
    data: Row,
    operation: Mutation['operation'] = 'create',
  ): Mutation => ({ mutationId: randomUUID(), modelName, operation, data, hlc: clock.tick() });

  const accountId = randomUUID();
  const savingsId = randomUUID();
  const accounts: Row[] = [
    { id: accountId, name: 'Girokonto', type: 'checking', currency: CURRENCY },
    { id: savingsId, name: 'Tagesgeld', type: 'savings', currency: CURRENCY },
  ].map((account, sortOrder) => ({ ...account, onBudget: true, closed: false, sortOrder }));
  const categories: Row[] = CATEGORY_NAMES.map((name, sortOrder) => ({
    id: randomUUID(),
    name,
    groupName: name === 'Gehalt' ? 'Einnahmen' : 'Alltag',
    isIncome: name === 'Gehalt',
    hidden: false,
    sortOrder,
    carryOverspending: false,
  }));
  const payees: Row[] = STATEMENT_PAYEES.filter((_, i) => i % NEW_PAYEE_EVERY !== 1).map(
    (name) => ({ id: payeeIdFor(tidyPayeeName(name)), name, favorite: false }),
  );
  const payeeIds = new Map(payees.map((payee) => [payee.name as string, payee.id]));
  const categoryOf = (index: number) => categories[index % (categories.length - 1)].id;

  const parsed = readStatement(statement.bytes, statement.fileName, {}, CURRENCY);
  if (parsed.lines.length !== statement.bookings.length) {
    throw new Error(
      `the importer read ${parsed.lines.length} lines of ${statement.bookings.length} bookings`,
    );
  }
  const importedIds = syntheticImportedIds(accountId, parsed.lines);

  const rows: Row[] = [];
  const tombstones: string[] = [];
  const booked = (booking: Booking, extra: Record<string, unknown>): Row => ({
    id: randomUUID(),
    accountId,
    date: booking.date,
    amountMinor: booking.amountMinor,
    payeeId: payeeIds.get(booking.payee) ?? null,
    cleared: false,
    reconciled: false,
    ...extra,
  });
  const imported = (booking: Booking, importedId: string): Row =>
    booked(booking, {
      id: importedTransactionId(accountId, importedId),
      importedId,
      importedPayee: booking.payee,
      notes: booking.notes,
      cleared: true,
    });

  const overlap = Math.round(statement.bookings.length * OVERLAP_SHARE);
  let typed = 0;
  statement.bookings.forEach((booking, index) => {
    const importedId = importedIds[index];
    if (importedId === undefined) throw new Error(`line ${parsed.lines[index].line} is unreadable`);
    if (index < overlap) {
      rows.push(imported(booking, importedId));
    } else if (booking.kind === 'savings') {
      // Booked from the savings account: the statement line lands on the transfer's far side.
      rows.push({
        id: randomUUID(),
        accountId: savingsId,
        date: booking.date,
        amountMinor: -booking.amountMinor,
        payeeId: null,
        cleared: true,
        reconciled: false,
        transferAccountId: accountId,
        notes: booking.notes,
      });
    } else if (index % DELETED_EVERY === 7) {
      const row = imported(booking, importedId);
      rows.push(row);
      tombstones.push(row.id);
    } else if (index % TYPED_EVERY === 5 && !booking.twin) {
      typed += 1;
      const reconciled = typed % RECONCILED_EVERY === 0;
      rows.push(
        booked(booking, {
          date: shiftDay(booking.date, -(index % 4)),
          categoryId: categoryOf(index),
          cleared: reconciled,
          reconciled,
        }),
      );
    }
  });

  // The account's history before the statement, newest first, ~25 rows a day, mostly imported.
  const firstDay = statement.bookings[0]?.date ?? '2025-01-01';
  const history = Math.max(0, existingRows - rows.length);
  for (let i = 0; i < history; i += 1) {
    const date = shiftDay(firstDay, -1 - Math.floor(i / 25));
    const payee = STATEMENT_PAYEES[Math.floor(random() * STATEMENT_PAYEES.length)];
    const booking: Booking = {
      date,
      amountMinor: -(100 + Math.floor(random() * 20_000)),
      payee,
      notes: `Einkauf ${i}`,
      kind: 'purchase',
      twin: false,
    };
    rows.push(
      random() < 0.8
        ? imported(booking, `syn:${i.toString(16).padStart(64, '0')}`)
        : booked(booking, { categoryId: categoryOf(i), cleared: true }),
    );
  }

  const expected = planImport(parsed, {
    accountId,
    currency: CURRENCY,
    transactions: storedRows(rows, new Set(tombstones)),
    payees,
    categories,
    accounts,
  } as unknown as ImportContext);

  return {
    accountId,
    currency: CURRENCY,
    setup: [
      ...accounts.map((data) => mutation('accounts', data)),
      ...categories.map((data) => mutation('categories', data)),
      ...payees.map((data) => mutation('payees', data)),
    ],
    transactions: [
      ...rows.map((data) => mutation('transactions', data)),
      ...tombstones.map((id) => mutation('transactions', { id }, 'delete')),
    ],
    rowCount: rows.length,
    statement: parsed,
    expected,
  };
}

/**
 * Every line of the statement as a `create` of the row an import into an empty account writes
 * (the same fields, ids and payees), stamped by one device clock: the push baseline's rows. The
 * payees those rows name are created with the household (`setup`) plus the seeds returned here.
 */
export function statementAsCreates(household: ImportHousehold): {
  payeeSeeds: Mutation[];
  creates: Mutation[];
} {
  const setupRows = (modelName: string) =>
    household.setup.filter((m) => m.modelName === modelName).map((m) => m.data);
  const plan = planImport(household.statement, {
    accountId: household.accountId,
    currency: household.currency,
    transactions: [],
    payees: setupRows('payees'),
    categories: setupRows('categories'),
    accounts: setupRows('accounts'),
  } as unknown as ImportContext);
  const clock = new HybridLogicalClock(randomNodeId());
  const stamp = (modelName: string, data: Row, operation: Mutation['operation']): Mutation => ({
    mutationId: randomUUID(),
    modelName,
    operation,
    data,
    hlc: clock.tick(),
  });
  return {
    payeeSeeds: plan.payeeSeeds.map((seed) =>
      stamp('payees', { ...seed, favorite: false }, 'create'),
    ),
    creates: plan.mutations.map((write) =>
      stamp(write.modelName, write.data as Row, write.operation),
    ),
  };
}

/** The rows as a device holds them: tombstones keep only their id and deletion. */
function storedRows(rows: readonly Row[], deleted: ReadonlySet<string>): Row[] {
  return rows.map((row) =>
    deleted.has(row.id) ? { id: row.id, deletedAt: '2025-01-01T00:00:00.000Z' } : row,
  );
}
