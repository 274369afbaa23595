import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Transaction } from '@finwise/domain';
import { importedTransactionId, reimportedRowId } from '@finwise/import';
import type { RowHistory } from '@finwise/sync-protocol';
import type { AnySyncRow } from '@finwise/sync-client';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { accountRow, payeeRow, transactionRow } from '../testing/rows';
import { UnmatchImportComponent } from './unmatch-import.component';

const checking = accountRow({ name: 'Checking', currency: 'EUR' });
const rewe = payeeRow({ name: 'REWE Sagt Danke' });
const BANK_ID = 'bank-1';
const OWN_ID = importedTransactionId(checking.id, BANK_ID);
const LINE_ID = reimportedRowId(OWN_ID);
/** A row typed by hand that an import matched: bank id and text set, cleared by the match. */
const matched = transactionRow({
  accountId: checking.id,
  date: '2026-03-09',
  amountMinor: -1250,
  payeeId: null,
  notes: 'Bread',
  importedId: BANK_ID,
  importedPayee: 'REWE SAGT DANKE',
  cleared: true,
});
const HISTORY_URL = `/api/transactions/${matched.id}/history`;

/** The server's record of the match: cleared went from false to true with the bank id. */
const history: RowHistory = {
  items: [
    {
      hlc: '2026-03-10T10:00:00.000Z-0000-00000000000000a1',
      at: '2026-03-10T10:00:05.000Z',
      userId: null,
      email: null,
      clientId: null,
      operation: 'update',
      fields: [
        { field: 'cleared', value: true, outcome: 'applied', previous: false },
        { field: 'importedId', value: BANK_ID, outcome: 'applied', previous: null },
        { field: 'importedPayee', value: 'REWE SAGT DANKE', outcome: 'applied', previous: null },
      ],
    },
  ],
};

describe('UnmatchImportComponent', () => {
  const http = () => TestBed.inject(HttpTestingController);
  afterEach(() => http().verify());

  async function render(online: boolean): Promise<{
    page: PageHarness<UnmatchImportComponent>;
    emitted: () => number;
  }> {
    const page = await renderPage(UnmatchImportComponent, {
      seed: { accounts: [checking], payees: [rewe], transactions: [matched] },
      inputs: { transaction: matched, currency: 'EUR' },
    });
    // The match left a tombstone where the bank line's own row would be.
    page.client.tombstones.set(
      'transactions',
      new Map([[OWN_ID, { ...matched, id: OWN_ID, deletedAt: 'x' } as AnySyncRow]]),
    );
    page.client.setStatus({ online });
    let count = 0;
    page.fixture.componentInstance.unmatched.subscribe(() => (count += 1));
    page.client.calls.length = 0;
    await page.settle();
    return { page, emitted: () => count };
  }

  const row = (page: PageHarness<unknown>, id: string) =>
    page.client.rows.get('transactions')?.get(id) as Transaction | undefined;

  it('online: restores cleared from the history and adds the bank line back, in one batch', async () => {
    const { page, emitted } = await render(true);
    await page.click('Unmatch this transaction from the bank line');
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(history);
    await page.settle();

    const question = page.element.querySelector<HTMLElement>('.unmatch__question');
    expect(document.activeElement).toBe(question);
    expect(page.text()).toContain('It becomes uncleared again, as it was before the match.');
    expect(page.text()).toContain('its own cleared transaction of -€12.50 (“REWE SAGT DANKE”)');
    expect(page.text()).toContain('dated 2026-03-09: the bank’s own date is not kept');
    expect(page.client.calls).toEqual([]);

    await page.click('Unmatch');
    expect(page.client.calls).toEqual([
      'batch 2',
      `update transactions ${matched.id} ${JSON.stringify({
        importedId: null,
        importedPayee: null,
        cleared: false,
      })}`,
      `create transactions ${LINE_ID}`,
    ]);
    expect(row(page, matched.id)).toMatchObject({
      importedId: null,
      importedPayee: null,
      cleared: false,
      notes: 'Bread',
      amountMinor: -1250,
    });
    expect(row(page, LINE_ID)).toMatchObject({
      accountId: checking.id,
      date: '2026-03-09',
      amountMinor: -1250,
      importedId: BANK_ID,
      importedPayee: 'REWE SAGT DANKE',
      payeeId: rewe.id,
      cleared: true,
      reconciled: false,
    });
    expect(emitted()).toBe(1);
  });

  it('offline: keeps cleared as it is, says so, and still writes the bank line', async () => {
    const { page, emitted } = await render(false);
    await page.click('Unmatch this transaction from the bank line');
    http().expectNone((request) => request.url === HISTORY_URL);
    expect(page.text()).toContain('You are offline');
    expect(page.text()).toContain('“cleared” stays as it is');

    await page.click('Unmatch');
    expect(page.client.calls).toEqual([
      'batch 2',
      `update transactions ${matched.id} ${JSON.stringify({
        importedId: null,
        importedPayee: null,
      })}`,
      `create transactions ${LINE_ID}`,
    ]);
    expect(row(page, matched.id)?.cleared).toBe(true);
    expect(row(page, LINE_ID)).toMatchObject({ importedId: BANK_ID, cleared: true });
    expect(emitted()).toBe(1);
  });

  it('keeps cleared when the history cannot be read, and writes nothing until confirmed', async () => {
    const { page, emitted } = await render(true);
    await page.click('Unmatch this transaction from the bank line');
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush({ error: 'gone' }, { status: 503, statusText: 'Unavailable' });
    await page.settle();
    expect(page.text()).toContain('The server could not say whether it was cleared');
    expect(page.text()).toContain('“cleared” stays as it is');

    await page.click('Keep matched');
    expect(page.client.calls).toEqual([]);
    expect(emitted()).toBe(0);
    expect(document.activeElement?.textContent).toContain('Unmatch');
    expect(row(page, matched.id)?.importedId).toBe(BANK_ID);
  });

  it('Escape answers the question instead of closing the editor', async () => {
    const { page } = await render(false);
    await page.click('Unmatch this transaction from the bank line');
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    page.element.querySelector('.unmatch__question')?.dispatchEvent(escape);
    await page.settle();
    expect(escape.defaultPrevented).toBe(true);
    expect(page.element.querySelector('.unmatch__question')).toBeNull();
    expect(page.client.calls).toEqual([]);
  });
});
