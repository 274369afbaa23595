import { createHash } from 'node:crypto';
import type { StatementLine } from '../model/statement';
import {
  importedIdForBankId,
  lineProblem,
  syntheticImportedId,
  syntheticImportedIds,
} from './synthetic-imported-ids';

const ACCOUNT = '0b5d2d0e-6a57-4b8e-9d63-6f1e8f0a0001';
const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const line = (overrides: Partial<StatementLine>): StatementLine => ({
  line: 1,
  date: '2026-03-10',
  amountMinor: -1250,
  payee: 'REWE Markt',
  ...overrides,
});

describe('syntheticImportedId', () => {
  it('is syn: + SHA-256 hex of accountId|date|amountMinor|normalised payee|k', () => {
    expect(syntheticImportedId(ACCOUNT, '2026-03-10', -1250, '  REWE   Markt ', 1)).toBe(
      `syn:${nodeSha256(`${ACCOUNT}|2026-03-10|-1250|rewe markt|1`)}`,
    );
  });

  it('hashes text beyond ASCII as UTF-8, like Node does', () => {
    expect(syntheticImportedId(ACCOUNT, '2026-03-10', 500, 'Bäckerei Müller €', 2)).toBe(
      `syn:${nodeSha256(`${ACCOUNT}|2026-03-10|500|bäckerei müller €|2`)}`,
    );
  });

  it('reads a missing payee as empty and the account id in lower case', () => {
    expect(syntheticImportedId(ACCOUNT.toUpperCase(), '2026-03-10', 0, undefined, 1)).toBe(
      `syn:${nodeSha256(`${ACCOUNT}|2026-03-10|0||1`)}`,
    );
  });
});

describe('syntheticImportedIds', () => {
  it('numbers identical lines of one file 1, 2, … in file order', () => {
    const ids = syntheticImportedIds(ACCOUNT, [
      line({ line: 1 }),
      line({ line: 2, payee: 'rewe  markt' }),
      line({ line: 3, amountMinor: -1251 }),
      line({ line: 4 }),
    ]);
    expect(ids).toEqual([
      syntheticImportedId(ACCOUNT, '2026-03-10', -1250, 'REWE Markt', 1),
      syntheticImportedId(ACCOUNT, '2026-03-10', -1250, 'REWE Markt', 2),
      syntheticImportedId(ACCOUNT, '2026-03-10', -1251, 'REWE Markt', 1),
      syntheticImportedId(ACCOUNT, '2026-03-10', -1250, 'REWE Markt', 3),
    ]);
  });

  it('gives an overlapping statement the same ids for the overlap', () => {
    const march = [
      line({ date: '2026-03-01' }),
      line({ date: '2026-03-10' }),
      line({ date: '2026-03-10' }),
    ];
    const later = [
      line({ date: '2026-03-10' }),
      line({ date: '2026-03-10' }),
      line({ date: '2026-03-20' }),
    ];
    expect(syntheticImportedIds(ACCOUNT, later).slice(0, 2)).toEqual(
      syntheticImportedIds(ACCOUNT, march).slice(1, 3),
    );
  });

  it("keeps a line's bank id, and such lines take no k", () => {
    const ids = syntheticImportedIds(ACCOUNT, [line({ bankId: ' FIT-1 ' }), line({})]);
    expect(ids).toEqual([
      'FIT-1',
      syntheticImportedId(ACCOUNT, '2026-03-10', -1250, 'REWE Markt', 1),
    ]);
  });

  it('gives unreadable lines no id and no k', () => {
    const ids = syntheticImportedIds(ACCOUNT, [
      line({ error: 'Line 1: no amount', amountMinor: undefined }),
      line({ date: undefined }),
      line({ date: '2026-13-01' }),
      line({ amountMinor: 12.5 }),
      line({}),
    ]);
    expect(ids.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(ids[4]).toBe(syntheticImportedId(ACCOUNT, '2026-03-10', -1250, 'REWE Markt', 1));
  });
});

describe('importedIdForBankId', () => {
  it('keeps a bank id that fits the field and hashes a longer one', () => {
    const long = 'F'.repeat(255);
    expect(importedIdForBankId('F'.repeat(200))).toBe('F'.repeat(200));
    expect(importedIdForBankId(long)).toBe(`sha256:${nodeSha256(long)}`);
  });
});

describe('lineProblem', () => {
  it("passes a readable line and reports the reader's error first", () => {
    expect(lineProblem(line({}))).toBeUndefined();
    expect(lineProblem(line({ error: 'Line 4: no amount', date: undefined }))).toBe(
      'Line 4: no amount',
    );
  });

  it('refuses what the transactions entity would refuse', () => {
    expect(lineProblem(line({ date: undefined }))).toBe('no date');
    expect(lineProblem(line({ date: '10.03.2026' }))).toBe('the date 10.03.2026 is not YYYY-MM-DD');
    expect(lineProblem(line({ date: '1899-12-31' }))).toBe(
      'the date 1899-12-31 is outside 1900-01-01 to 2199-12-31',
    );
    expect(lineProblem(line({ amountMinor: undefined }))).toBe('no amount');
    expect(lineProblem(line({ amountMinor: 1e15 + 1 }))).toBe(
      'the amount 1000000000000001 is not whole minor units within ±1000000000000000',
    );
    expect(lineProblem(line({ splits: [{ amountMinor: -1 }, { amountMinor: 0.5 }] }))).toBe(
      'split 2: the amount 0.5 is not whole minor units within ±1000000000000000',
    );
  });
});
