import type { QifRecord } from './qif-records';

/** A split line as written: `S` category, `E` memo, `$` amount. */
export interface QifSplitDraft {
  readonly category?: string;
  readonly memo?: string;
  readonly rawAmount?: string;
}

/** A record's fields by meaning, still as text. */
export interface QifDraft {
  readonly line: number;
  readonly rawDate?: string;
  readonly rawAmount?: string;
  readonly payee?: string;
  readonly memo?: string;
  readonly number?: string;
  readonly category?: string;
  readonly clearedMark?: string;
  readonly splits: readonly QifSplitDraft[];
}

/**
 * Gathers a record's fields. `T` wins over `U` (Quicken writes both, equal; `U` alone comes from
 * newer versions). A split starts at `S`, or at an `E`/`$` when the current split already has
 * one: splits without a category are valid. Fields this import has no use for (`A` address lines,
 * `F` reimbursable flag, `1`–`7` budget fields) are ignored; an empty field counts as absent.
 */
export function draftOf(record: QifRecord): QifDraft {
  const fields = new Map<string, string>();
  const splits: { category?: string; memo?: string; rawAmount?: string }[] = [];
  const current = (key: 'category' | 'memo' | 'rawAmount') => {
    const last = splits[splits.length - 1];
    if (last === undefined || key === 'category' || last[key] !== undefined) {
      splits.push({});
    }
    return splits[splits.length - 1];
  };
  for (const { code, value } of record.fields) {
    if (code === 'S') current('category').category = value;
    else if (code === 'E') current('memo').memo = value;
    else if (code === '$') current('rawAmount').rawAmount = value;
    else if (value !== '' && !fields.has(code)) fields.set(code, value);
  }
  const field = (code: string) => fields.get(code);
  const rawAmount = field('T') ?? field('U');
  return {
    line: record.line,
    ...optional('rawDate', field('D')),
    ...optional('rawAmount', rawAmount),
    ...optional('payee', field('P')),
    ...optional('memo', field('M')),
    ...optional('number', field('N')),
    ...optional('category', field('L')),
    ...optional('clearedMark', field('C')),
    splits: splits.map((split) => ({
      ...optional('category', split.category || undefined),
      ...optional('memo', split.memo || undefined),
      ...optional('rawAmount', split.rawAmount || undefined),
    })),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
