import { TestBed } from '@angular/core/testing';
import { accountRow, categoryRow, payeeRow, transactionRow } from '../testing/rows';
import { renderPage } from '../testing/page-harness';
import { ExportCsvButtonComponent } from './export-csv-button.component';
import { FileSaver } from './file-saver';

const HEADER =
  'id,date,account,account_currency,payee,transfer_account,category_group,category,notes,amount,amount_minor,currency,status,parent_id,imported_id';

describe('ExportCsvButtonComponent', () => {
  const giro = accountRow({ name: 'Giro', currency: 'EUR' });
  const yen = accountRow({ name: 'Yen cash', currency: 'JPY' });
  const food = categoryRow({ name: 'Food', groupName: 'Everyday' });
  const shop = payeeRow({ name: 'Shop, "the big one"' });
  const lunch = transactionRow({
    accountId: giro.id,
    date: '2026-03-02',
    amountMinor: -1250,
    payeeId: shop.id,
    categoryId: food.id,
    cleared: true,
  });
  const trip = transactionRow({
    accountId: giro.id,
    date: '2026-03-05',
    amountMinor: -10000,
    transferAccountId: yen.id,
    transferAmountMinor: 16000,
  });
  const seed = {
    accounts: [giro, yen],
    categories: [food],
    payees: [shop],
    transactions: [lunch, trip],
  };

  async function render(accountId?: string) {
    const page = await renderPage(ExportCsvButtonComponent, {
      seed,
      inputs: accountId ? { accountId } : {},
    });
    const saved: { name: string; content: string; type: string }[] = [];
    jest
      .spyOn(TestBed.inject(FileSaver), 'save')
      .mockImplementation((name, content, type) => void saved.push({ name, content, type }));
    return { page, saved };
  }

  it("saves one account's CSV from the local rows, offline too", async () => {
    const { page, saved } = await render(giro.id);
    page.client.disconnect();
    await page.click('Export CSV');
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toMatch(/^finwise-giro-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(saved[0].type).toBe('text/csv;charset=utf-8');
    expect(saved[0].content).toBe(
      [
        HEADER,
        `${lunch.id},2026-03-02,Giro,EUR,"Shop, ""the big one""",,Everyday,Food,,-12.50,-1250,EUR,cleared,,`,
        `${trip.id},2026-03-05,Giro,EUR,,Yen cash,,,,-100.00,-10000,EUR,uncleared,,`,
        '',
      ].join('\r\n'),
    );
    expect(page.element.querySelector('[role="status"]')?.textContent).toContain(
      'Exported 2 lines to finwise-giro-',
    );
  });

  it('saves every account, with the transfer once in each', async () => {
    const { page, saved } = await render();
    await page.click('Export all accounts');
    expect(saved[0].name).toMatch(/^finwise-transactions-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = saved[0].content.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe(
      `${trip.id},2026-03-05,Yen cash,JPY,,Giro,,,,16000,16000,JPY,uncleared,,`,
    );
  });

  it('is a labelled button reachable by keyboard', async () => {
    const { page } = await render(giro.id);
    const button = page.element.querySelector<HTMLButtonElement>('button');
    expect(button?.type).toBe('button');
    expect(button?.textContent?.trim()).toBe('Export CSV');
    expect(button?.tabIndex).toBe(0);
  });
});
