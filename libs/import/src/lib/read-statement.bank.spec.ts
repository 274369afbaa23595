import { readStatement } from './read-statement';
import { readFixture } from '../testing/read-fixture';

describe('readStatement: OFX, QFX and QIF files', () => {
  it.each([
    ['ofx-checking-102.ofx', 'USD', 4, '071000013:4820019377'],
    ['ofx-checking-102-one-line.ofx', 'USD', 4, '071000013:4820019377'],
    ['ofx-checking-v2.ofx', 'EUR', 3, '10020030:DE89370400440532013000'],
    ['ofx-multi-decimal.ofx', 'EUR', 3, '50010517:0648489890'],
    ['ofx-memo-no-name.ofx', 'EUR', 3, '50010517:0648489890'],
    ['ofx-currency-sign.ofx', 'USD', 2, '50010517:0648489890'],
  ])('reads %s as OFX', (name, currency, count, accountHint) => {
    const statement = readStatement(readFixture(name), name, {}, currency);
    expect(statement).toMatchObject({ format: 'ofx', encoding: 'utf-8', accountHint });
    expect(statement.lines).toHaveLength(count);
    expect(statement.lines.filter((line) => line.error !== undefined)).toEqual([]);
  });

  it('reads a QFX credit card statement as qfx with the bank day and decoded names', () => {
    const statement = readStatement(readFixture('qfx-credit-card.qfx'), 'Card.QFX', {}, 'CAD');
    expect(statement).toMatchObject({ format: 'qfx', accountHint: '4510123412349876' });
    expect(statement.lines[0]).toMatchObject({
      date: '2023-05-09',
      amountMinor: -2345,
      payee: 'TPAY <DEFTPYMT>',
      bankId: '90000010023045120230509000001',
    });
  });

  it('reads a windows-1252 QFX (CHARSET:1252) with its accents', () => {
    const statement = readStatement(readFixture('qfx-windows-1252.qfx'), 'releve.qfx', {}, 'CAD');
    expect(statement.encoding).toBe('windows-1252');
    expect(statement.lines[0]).toMatchObject({
      payee: 'Carte prépayée',
      notes: 'Dépanneur Saint-Éloi',
      amountMinor: -2500,
    });
  });

  it('finds OFX by its content when the file name says nothing', () => {
    const statement = readStatement(readFixture('ofx-checking-v2.ofx'), 'download', {}, 'EUR');
    expect(statement.format).toBe('ofx');
    expect(statement.lines).toHaveLength(3);
  });

  it('takes the payee from MEMO with payeeFromMemo', () => {
    const bytes = readFixture('ofx-memo-no-name.ofx');
    const statement = readStatement(bytes, 'a.ofx', { payeeFromMemo: true }, 'EUR');
    expect(statement.lines.map((line) => line.payee)).toEqual([
      'GAS STATION 24',
      'BAKERY MAIN ST',
      'HARDWARE DEPOT',
    ]);
  });

  it('refuses a truncated OFX, naming the line', () => {
    expect(() => readStatement(readFixture('ofx-truncated.ofx'), 'cut.ofx', {}, 'EUR')).toThrow(
      'Line 32: the file ends inside transaction 2: the file is truncated',
    );
  });

  it.each([
    ['qif-bank-splits.qif', 'USD', 4],
    ['qif-account-header.qif', 'EUR', 2],
    ['qif-apostrophe-dates.qif', 'USD', 3],
    ['qif-ymd-apostrophe.qif', 'EUR', 2],
  ])('reads %s as QIF', (name, currency, count) => {
    const statement = readStatement(readFixture(name), name, {}, currency);
    expect(statement.format).toBe('qif');
    expect(statement.lines).toHaveLength(count);
    expect(statement.lines.filter((line) => line.error !== undefined)).toEqual([]);
  });

  it('reports a QIF whose days are all ≤ 12 as ambiguous and reads it once a layout is chosen', () => {
    const bytes = readFixture('qif-days-at-most-12.qif');
    const asked = readStatement(bytes, 'a.qif', {}, 'EUR');
    expect(asked.ambiguities).toEqual({ dateFormats: ['DD/MM/YYYY', 'MM/DD/YYYY'] });
    const chosen = readStatement(bytes, 'a.qif', { dateFormat: 'MM/DD/YYYY' }, 'EUR');
    expect(chosen.lines.map((line) => line.date)).toEqual([
      '2024-01-02',
      '2024-03-04',
      '2024-11-12',
    ]);
  });

  it('refuses a QIF whose records use different date layouts', () => {
    expect(() =>
      readStatement(readFixture('qif-inconsistent-dates.qif'), 'mixed.qif', {}, 'EUR'),
    ).toThrow(/^Line 6: .* the file mixes date layouts$/);
  });
});
