import { TestBed } from '@angular/core/testing';
import { importSettingsId, payeeIdFor } from '@finwise/domain';
import { importedRowIds, readStatement, syntheticImportedIds } from '@finwise/import';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { accountRow, payeeRow, transactionRow } from '../testing/rows';
import { ImportPageComponent } from './import-page.component';

const GERMAN_CSV = [
  'Datum;Empfänger;Betrag;Verwendungszweck',
  '02.03.2026;Bakery;-4,50;Bread',
  '05.03.2026;Employer;2.500,00;Salary',
  '10.03.2026;Landlord;-10,00;Rent',
  '12.03.2026;Corner shop;-7,30;',
  '14.03.2026;Kiosk;abc;',
].join('\n');

/** Headers no bank uses: the columns must be chosen. */
const PLAIN_CSV = [
  'When,Who,How much',
  '2026-03-02,Bakery,-4.50',
  '2026-03-05,Employer,2500.00',
].join('\n');

describe('ImportPageComponent', () => {
  const giro = accountRow({ name: 'Giro', currency: 'EUR' });
  const bakery = payeeRow({ name: 'Bakery' });
  const landlord = payeeRow({ name: 'Landlord' });
  // Entered by hand the day after the bank booked it: the bank's line matches it.
  const bread = transactionRow({
    accountId: giro.id,
    date: '2026-03-03',
    amountMinor: -450,
    payeeId: bakery.id,
  });
  const rent = transactionRow({
    accountId: giro.id,
    date: '2026-03-10',
    amountMinor: -1000,
    payeeId: landlord.id,
    cleared: true,
    reconciled: true,
  });
  // Imported before: the row has the id this file's line 5 gets.
  const lines = readStatement(new TextEncoder().encode(GERMAN_CSV), 'giro.csv', {}, 'EUR').lines;
  const corner = transactionRow({
    id: importedRowIds(giro.id, lines)[3],
    accountId: giro.id,
    date: '2026-03-12',
    amountMinor: -730,
    importedId: syntheticImportedIds(giro.id, lines)[3],
    cleared: true,
  });

  let page: PageHarness<ImportPageComponent>;

  async function render(seed: Record<string, readonly object[]> = {}): Promise<void> {
    page = await renderPage(ImportPageComponent, {
      seed: {
        accounts: [giro],
        payees: [bakery, landlord],
        transactions: [bread, rent, corner],
        categories: [],
        import_settings: [],
        ...seed,
      },
      inputs: { accountId: giro.id },
    });
  }

  async function until(what: string, check: () => boolean): Promise<void> {
    for (let round = 0; round < 100; round += 1) {
      if (check()) return;
      await page.settle();
    }
    throw new Error(`Timed out waiting until ${what}`);
  }

  const part = (test: string) => page.element.querySelector<HTMLElement>(`[data-test="${test}"]`);
  const text = (test: string) => part(test)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const importButton = () => part('import-run') as HTMLButtonElement;

  async function pick(name: string, content: string): Promise<void> {
    const input = page.element.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('No file input');
    Object.defineProperty(input, 'files', {
      configurable: true,
      value: [new File([content], name, { type: 'text/csv' })],
    });
    input.dispatchEvent(new Event('change'));
    await until(
      'the file is read',
      () => part('import-reading') === null && (!!part('read-as') || !!part('import-read-error')),
    );
    await page.settle();
  }

  /** Each rendered preview row as "line status". */
  function statuses(): string[] {
    return [...page.element.querySelectorAll<HTMLElement>('.preview__row')].map((row) => {
      const status = row.querySelector('.preview__status')?.cloneNode(true) as HTMLElement;
      // The "Add as new" switch of a matched line is not part of its status.
      status.querySelector('button')?.remove();
      const words = status.textContent?.replace(/\s+/g, ' ').replace('Status:', '').trim();
      return `${row.dataset['line']} ${words}`;
    });
  }

  async function tick(test: string, checked: boolean): Promise<void> {
    const box = part(test) as HTMLInputElement;
    box.checked = checked;
    box.dispatchEvent(new Event('change'));
    await page.settle();
  }

  function lineBox(line: number): HTMLInputElement {
    const box = page.element.querySelector<HTMLInputElement>(`#import-line-${line}`);
    if (!box) throw new Error(`No box for line ${line}`);
    return box;
  }

  async function untick(line: number): Promise<void> {
    const box = lineBox(line);
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await page.settle();
  }

  const transactions = () => [...(page.client.rows.get('transactions')?.values() ?? [])];

  it('previews every line with its status in words, the date beside the file’s text, and the amount in the account’s currency', async () => {
    await render();
    await pick('giro.csv', GERMAN_CSV);

    expect(text('read-as')).toBe('giro.csv: CSV, encoding utf-8.');
    expect(statuses()).toEqual([
      '2 Matches a transaction',
      '3 New',
      '4 Reconciled, skipped',
      '5 Duplicate, skipped',
      '6 Error',
    ]);
    expect(text('import-summary')).toBe(
      '5 lines: 1 new, 1 matching, 1 duplicate, 1 reconciled, 1 with errors.',
    );
    const salary = page.element.querySelector('[data-line="3"]')?.textContent?.replace(/\s+/g, ' ');
    expect(salary).toContain('Mar 5, 2026');
    expect(salary).toContain('05.03.2026');
    expect(salary).toContain('Employer');
    expect(salary).toContain('€2,500.00');
    const kiosk = page.element.querySelector('[data-line="6"]')?.textContent;
    expect(kiosk).toMatch(/Error: .*abc/);
  });

  it('waits while a line with an error is imported, names it, and goes ahead once it is left out', async () => {
    await render();
    await pick('giro.csv', GERMAN_CSV);

    expect(importButton().disabled).toBe(true);
    expect(text('import-blocked')).toMatch(/^Line 6 has an error \(line 6: .*abc.*\)/);
    await page.click('Leave out lines with errors');
    expect(part('import-blocked')).toBeNull();
    expect(lineBox(6).checked).toBe(false);
    expect(importButton().disabled).toBe(false);
    expect(text('import-run')).toBe('Import 2 transactions');
    // The error line still counts among the errors: it is left out, not gone.
    expect(text('import-summary')).toContain('1 with errors');
  });

  it('imports the ticked lines offline: the new one added with its payee, the match updated, nothing else', async () => {
    await render();
    page.client.disconnect();
    await pick('giro.csv', GERMAN_CSV);
    await untick(6);
    await page.click('Import 2 transactions');
    await until('the import finished', () => text('import-result') !== '');

    expect(text('import-result')).toBe(
      '1 added, 1 matched, 1 duplicate skipped, 1 reconciled transaction left as they were, 1 line with errors left out.',
    );
    const salary = transactions().find((row) => row['amountMinor'] === 250_000);
    expect(salary).toMatchObject({
      accountId: giro.id,
      date: '2026-03-05',
      payeeId: payeeIdFor('Employer'),
      notes: 'Salary',
      cleared: true,
    });
    expect(page.client.rows.get('payees')?.get(payeeIdFor('Employer'))?.['name']).toBe('Employer');
    expect(page.client.rows.get('transactions')?.get(bread.id)).toMatchObject({
      importedId: syntheticImportedIds(giro.id, lines)[0],
      payeeId: bakery.id,
      cleared: true,
    });
    expect(transactions()).toHaveLength(4);
    // One local transaction: payee, rows and the remembered options together.
    // (payee, new row, match update, the tombstone that remembers the matched line, options)
    expect(page.client.calls.filter((call) => call.startsWith('batch'))).toEqual(['batch 5']);
    expect(page.client.rows.get('import_settings')?.get(importSettingsId(giro.id))).toMatchObject({
      accountId: giro.id,
      options: '{}',
    });
    const back = part('import-notice')?.querySelector('a');
    expect(back?.getAttribute('href')).toBe(`/accounts/${giro.id}`);
    // The preview follows: every line is now in the account.
    await until('the preview shows the import', () => text('import-run') === 'Nothing to import');
    expect(text('import-summary')).toBe(
      '5 lines: 0 new, 0 matching, 3 duplicate, 1 reconciled, 1 with errors.',
    );
  });

  it('leaves out a line the user unticks, and offers select all and none', async () => {
    await render();
    await pick('giro.csv', GERMAN_CSV);
    await page.click('Select none');
    expect(text('import-run')).toBe('Nothing to import');
    expect(importButton().disabled).toBe(true);
    await page.click('Select all');
    await untick(2);
    await untick(6);
    expect(text('import-run')).toBe('Import 1 transaction');
    expect(text('import-summary')).toContain('1 new, 0 matching');

    await page.click('Import 1 transaction');
    await until('the import finished', () => text('import-result') !== '');
    expect(text('import-result')).toMatch(/^1 added, 0 matched/);
    // The manual row the unticked line matched keeps no bank id.
    expect(page.client.rows.get('transactions')?.get(bread.id)?.['importedId']).toBeNull();
  });

  it('adds nothing when the same file is imported again', async () => {
    await render();
    await pick('giro.csv', GERMAN_CSV);
    await page.click('Leave out lines with errors');
    await page.click('Import 2 transactions');
    await until('the import finished', () => text('import-result') !== '');
    const before = transactions().length;

    await pick('giro-again.csv', GERMAN_CSV);
    await until(
      'the file is read again',
      () => text('read-as').startsWith('giro-again.csv') && text('import-run') !== '',
    );
    expect(text('import-run')).toBe('Nothing to import');
    expect(text('import-summary')).toBe(
      '5 lines: 0 new, 0 matching, 3 duplicate, 1 reconciled, 1 with errors.',
    );
    expect(importButton().disabled).toBe(true);
    expect(transactions()).toHaveLength(before);
  });

  it('does not bring back an imported row that was deleted', async () => {
    await render();
    await page.client.table('transactions').delete(corner.id);
    await page.settle();
    await pick('giro.csv', GERMAN_CSV);
    expect(statuses()[3]).toBe('5 Deleted earlier, skipped');
    expect(text('import-summary')).toContain('1 new, 1 matching, 1 duplicate');

    // Asked to, it imports the line again as a transaction with a fresh id.
    expect(page.byLabel('Import again lines whose transaction I deleted').checked).toBe(false);
    await tick('import-reimport-deleted', true);
    await until('the preview plans again', () => statuses()[3] === '5 New');
    await page.click('Leave out lines with errors');
    await page.click('Import 3 transactions');
    await until('the import finished', () => text('import-result') !== '');
    const again = transactions().filter((row) => row['amountMinor'] === -730);
    expect(again).toHaveLength(1);
    expect(again[0]['id']).not.toBe(corner.id);
    expect(again[0]['importedId']).toBe(corner['importedId']);
  });

  it('adds a matched line as a transaction of its own when asked, by keyboard too', async () => {
    await render();
    await pick('giro.csv', GERMAN_CSV);
    const force = part('import-force-new') as HTMLButtonElement;
    expect(force.tagName).toBe('BUTTON');
    expect(force.textContent?.replace(/\s+/g, ' ').trim()).toBe('Add as new, line 2');
    force.focus();
    expect(document.activeElement).toBe(force);
    force.click();
    await page.settle();
    expect(statuses()[0]).toBe('2 New');
    expect(text('import-force-new')).toBe('Match instead, line 2');
    expect(text('import-summary')).toContain('2 new, 0 matching');

    await page.click('Leave out lines with errors');
    await page.click('Import 2 transactions');
    await until('the import finished', () => text('import-result') !== '');
    expect(text('import-result')).toMatch(/^2 added, 0 matched/);
    expect(page.client.rows.get('transactions')?.get(bread.id)?.['importedId']).toBeNull();
    expect(
      page.client.rows.get('transactions')?.get(importedRowIds(giro.id, lines)[0]),
    ).toMatchObject({ amountMinor: -450, importedId: syntheticImportedIds(giro.id, lines)[0] });
  });

  it('shows how an OFX amount with a currency sign was read', async () => {
    await render();
    const ofx = [
      'OFXHEADER:100',
      'DATA:OFXSGML',
      '',
      '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKTRANLIST>',
      '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260320<TRNAMT>€-12.50<FITID>F-1<NAME>Shop</STMTTRN>',
      '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    ].join('\n');
    await pick('bank.ofx', ofx);
    expect(statuses()).toEqual(['5 New']);
    expect(text('import-warning')).toBe(
      'Warning: transaction 1 (FITID F-1): TRNAMT "€-12.50" was read without "€": check the amount',
    );
  });

  it('matches no typed transaction when matching is switched off', async () => {
    await render();
    await pick('giro.csv', GERMAN_CSV);
    expect(page.byLabel('Match lines with transactions I entered myself').checked).toBe(true);
    await tick('import-fuzzy', false);
    await until('the preview plans again', () => statuses()[0] === '2 New');
    // A reconciled row is not matched either; an imported one stays a duplicate.
    expect(statuses()).toEqual(['2 New', '3 New', '4 New', '5 Duplicate, skipped', '6 Error']);
    expect(part('import-force-new')).toBeNull();
  });

  it('asks for the columns when no header names them, and remembers the mapping for the account', async () => {
    await render();
    await pick('plain.csv', PLAIN_CSV);
    expect(text('must-choose')).toBe(
      'Choose the date and amount columns below: FinWise does not guess them.',
    );
    expect(part('import-summary')?.textContent).toMatch(/0 lines/);

    await page.type('Date column', '0');
    expect(part('import-summary')?.textContent).toMatch(/0 lines/);
    await page.type('Amount column', '2');
    await until('the mapped file is read', () => statuses().length === 2);
    await page.type(/^Payee column/, '1');
    await until('the payee is read', () => text('import-run') === 'Import 2 transactions');
    expect(part('must-choose')).toBeNull();

    await page.click('Import 2 transactions');
    await until('the import finished', () => text('import-result') !== '');
    const remembered = page.client.rows.get('import_settings')?.get(importSettingsId(giro.id));
    expect(JSON.parse(String(remembered?.['options']))).toEqual({
      columns: { date: 'When', amount: 'How much', payee: 'Who' },
    });
  });

  it('reads a file with the mapping another device remembered for the account', async () => {
    const remembered = {
      id: importSettingsId(giro.id),
      accountId: giro.id,
      options: JSON.stringify({ columns: { date: 'When', amount: 'How much', payee: 'Who' } }),
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z-0000-0000000000000002',
      deletedAt: null,
      fieldClocks: {},
    };
    await render({ import_settings: [remembered] });
    await pick('plain.csv', PLAIN_CSV);

    expect(part('must-choose')).toBeNull();
    expect(statuses()).toEqual(['2 Matches a transaction', '3 New']);
    await page.click('Change how the file is read');
    expect(page.byLabel<HTMLSelectElement>('Date column').value).toBe('0');
    expect(page.byLabel<HTMLSelectElement>('Amount column').value).toBe('2');
  });

  it('asks for the date format when the dates fit two, and reads again once chosen', async () => {
    await render();
    const csv = ['Date,Payee,Amount', '03/04/2026,Shop,-1.00', '05/06/2026,Shop,-2.00'].join('\n');
    await pick('us.csv', csv);
    expect(text('must-choose')).toMatch(/^Choose the date format \(DD\/MM\/YYYY or MM\/DD\/YYYY\)/);
    expect(importButton().disabled).toBe(true);
    expect(page.text()).toContain('(must be chosen)');

    await page.type(/^Date format/, 'MM/DD/YYYY');
    await until('the dates are read', () => statuses().every((row) => row.endsWith('New')));
    expect(page.element.querySelector('[data-line="2"]')?.textContent).toContain('Mar 4, 2026');
    expect(part('must-choose')).toBeNull();
  });

  it('shows the progress of a long import and says when nothing was written', async () => {
    await render();
    await pick('giro.csv', GERMAN_CSV);
    await page.click('Leave out lines with errors');
    const writes = TestBed.inject(FinanceWrites);
    let fail: (error: Error) => void = () => undefined;
    jest.spyOn(writes, 'applyTogether').mockImplementation((mutations, options) => {
      options?.onProgress?.(1, mutations.length);
      return new Promise((_resolve, reject) => (fail = reject));
    });
    await page.click('Import 2 transactions');

    const bar = page.element.querySelector<HTMLElement>('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('20');
    expect(bar?.getAttribute('aria-valuetext')).toBe('1 of 5 rows written');
    expect(importButton().disabled).toBe(true);

    fail(new Error('The local database refused the write.'));
    await until('the failure is shown', () => text('import-failed') !== '');
    expect(text('import-failed')).toBe(
      'Nothing was imported: The local database refused the write.',
    );
    expect(page.element.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('says when a file cannot be read at all', async () => {
    await render();
    await pick('notes.pdf', '%PDF-1.4 binary');
    expect(text('import-read-error')).toBe(
      'This file is not a text file (it looks like a PDF): export CSV, OFX, QFX or QIF from your bank',
    );
    expect(part('import-run')).toBeNull();
    await pick('notes.doc', 'just some words');
    await until('the second file is read', () => text('import-read-error').includes('notes.doc'));
    expect(text('import-read-error')).toBe(
      'notes.doc is not a bank file FinWise can read (CSV, OFX, QFX or QIF)',
    );
  });
});
