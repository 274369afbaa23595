import { ImportFileError } from '../model/statement';

/** One `<code><value>` line of a QIF record, e.g. `D1/23'19` → code `D`, value `1/23'19`. */
export interface QifField {
  readonly code: string;
  readonly value: string;
  readonly line: number;
}

/** The fields of one transaction, from its first field's line up to its `^`. */
export interface QifRecord {
  readonly line: number;
  readonly fields: readonly QifField[];
}

export interface QifFile {
  /** The `N` name of the first `!Account` block. */
  readonly accountName?: string;
  /** Whether a `!Type:` or `!Account` header was seen. */
  readonly hasHeader: boolean;
  /** The records of the bank-like sections, in file order. */
  readonly records: readonly QifRecord[];
}

/** The `!Type:` sections whose records are transactions of a cash-like account. */
const TRANSACTION_TYPES = new Set(['bank', 'ccard', 'cash', 'oth a', 'oth l']);
/** Lists that travel in full Quicken exports and are not transactions: skipped. */
const LIST_TYPES = new Set(['cat', 'class', 'memorized', 'prices', 'security']);

type Section = 'transactions' | 'account' | 'skipped';

/**
 * Splits a QIF file into its transaction records. Records before any `!Type:` header are read as
 * bank transactions (some exporters omit it). Investment sections (`!Type:Invst`) stop the import:
 * their records hold share actions, not cash amounts, and dropping them silently would hide that.
 * A file with several accounts gives the first `!Account` name as the hint and all its
 * transactions: the user imports the file into one account.
 */
export function readQifRecords(text: string): QifFile {
  const records: QifRecord[] = [];
  let accountName: string | undefined;
  let section: Section = 'transactions';
  let fields: QifField[] = [];
  let hasHeader = false;

  // A header or the end of the file also ends a record: exporters often omit the last `^`.
  const endRecord = (): void => {
    if (section === 'transactions' && fields.length > 0) {
      records.push({ line: fields[0].line, fields });
    }
    if (section === 'account') {
      accountName ??= fields.find((field) => field.code === 'N' && field.value !== '')?.value;
    }
    fields = [];
  };

  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '') return;
    if (content.startsWith('!')) {
      endRecord();
      section = sectionOf(content, section, line);
      hasHeader = true;
    } else if (content === '^') {
      endRecord();
    } else {
      fields.push({ code: content[0].toUpperCase(), value: content.slice(1).trim(), line });
    }
  });
  endRecord();
  return { ...(accountName ? { accountName } : {}), hasHeader, records };
}

function sectionOf(header: string, current: Section, line: number): Section {
  const lower = header.toLowerCase();
  if (lower.startsWith('!account')) return 'account';
  if (lower.startsWith('!option') || lower.startsWith('!clear')) return current;
  if (!lower.startsWith('!type:')) {
    throw new ImportFileError(`"${header}" is not a QIF header`, line);
  }
  const type = lower.slice('!type:'.length).trim();
  if (TRANSACTION_TYPES.has(type)) return 'transactions';
  if (LIST_TYPES.has(type)) return 'skipped';
  if (type === 'invst') {
    throw new ImportFileError('investment transactions (!Type:Invst) cannot be imported', line);
  }
  throw new ImportFileError(`"${header}" is not a QIF section this import reads`, line);
}
