import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { reportsHousehold } from '../testing/reports-household';
import { transactionRow } from '../testing/rows';
import { ReportsPageComponent } from './reports-page.component';

/** A table's cells, row by row, spaces collapsed. */
function cells(table: Element | null): string[][] {
  if (!table) throw new Error('No such table');
  return [...table.querySelectorAll('tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map(
      (cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    ),
  );
}

function charts(page: PageHarness<ReportsPageComponent>): BaseChartDirective[] {
  return page.fixture.debugElement
    .queryAll(By.directive(BaseChartDirective))
    .map((element) => element.injector.get(BaseChartDirective));
}

async function showFebruaryToMarch(page: PageHarness<ReportsPageComponent>): Promise<void> {
  await page.type('From', '2026-02');
  await page.type('To', '2026-03');
}

describe('ReportsPageComponent', () => {
  it('shows spending, cash flow per currency and net worth per currency as tables', async () => {
    const { seed } = reportsHousehold();
    const page = await renderPage(ReportsPageComponent, { seed });
    await showFebruaryToMarch(page);

    expect(cells(page.element.querySelector('[data-test="spending-table"]'))).toEqual([
      ['Month', 'Groceries', 'Rent', 'Uncategorized', 'Total'],
      ['Feb 2026', '€45.00', '€1,200.00', '€500.00', '€1,745.00'],
      ['Mar 2026', '€55.00', '€30.00', '€110.00', '€195.00'],
      ['All months', '€100.00', '€1,230.00', '€610.00', '€1,940.00'],
    ]);
    expect(page.text()).toContain('1 category spent nothing in these months and is left out.');

    const cashFlow = page.element.querySelectorAll('[data-test="cash-flow-table"]');
    expect(cashFlow).toHaveLength(2);
    expect(cells(cashFlow[0])).toEqual([
      ['Month', 'Income', 'Expense', 'Transfers', 'Net'],
      ['Feb 2026', '€3,000.00', '-€1,245.00', '-€500.00', '€1,255.00'],
      ['Mar 2026', '€0.00', '-€95.00', '-€100.00', '-€195.00'],
    ]);
    expect(cells(cashFlow[1])).toEqual([
      ['Month', 'Income', 'Expense', 'Transfers', 'Net'],
      ['Feb 2026', '$0.00', '-$20.00', '$0.00', '-$20.00'],
      ['Mar 2026', '$0.00', '-$30.00', '$110.00', '$80.00'],
    ]);

    const netWorth = page.element.querySelectorAll('[data-test="net-worth-table"]');
    expect(netWorth).toHaveLength(2);
    expect(cells(netWorth[0])).toEqual([
      ['Month end', 'Assets', 'Debts', 'Net worth'],
      ['Feb 2026', '€1,800.00', '-€45.00', '€1,755.00'],
      ['Mar 2026', '€1,605.00', '-€45.00', '€1,560.00'],
    ]);
    expect(cells(netWorth[1])).toEqual([
      ['Month end', 'Assets', 'Debts', 'Net worth'],
      ['Feb 2026', '$0.00', '-$20.00', '-$20.00'],
      ['Mar 2026', '$60.00', '$0.00', '$60.00'],
    ]);
    expect(page.within('[data-currency="USD"]').text()).toContain('Cash flow in USD');
  });

  it('gives each chart the numbers of its table and a name for its canvas', async () => {
    const { seed } = reportsHousehold();
    const page = await renderPage(ReportsPageComponent, { seed });
    await showFebruaryToMarch(page);

    const [spending, euroFlow, dollarFlow, euroWorth] = charts(page);
    expect(spending.type).toBe('bar');
    expect(spending.data?.labels).toEqual(['Feb 2026', 'Mar 2026']);
    expect(
      spending.data?.datasets.map((dataset) => [dataset.label, dataset.data, dataset.stack]),
    ).toEqual([
      ['Groceries', [4_500, 5_500], 'spending'],
      ['Rent', [120_000, 3_000], 'spending'],
      ['Uncategorized', [50_000, 11_000], 'spending'],
    ]);
    expect(euroFlow.data?.datasets.map((dataset) => [dataset.type, dataset.data])).toEqual([
      ['bar', [300_000, 0]],
      ['bar', [-124_500, -9_500]],
      ['line', [125_500, -19_500]],
    ]);
    expect(dollarFlow.data?.datasets[2].data).toEqual([-2_000, 8_000]);
    expect(euroWorth.type).toBe('line');
    expect(euroWorth.data?.datasets.map((dataset) => dataset.data)).toEqual([
      [180_000, 160_500],
      [-4_500, -4_500],
      [175_500, 156_000],
    ]);

    const canvas = page.element.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toContain(
      'spending by category in EUR per month, Feb 2026 to Mar 2026',
    );
  });

  it('explains a range the reports refuse and keeps showing the last good one', async () => {
    const { seed } = reportsHousehold();
    const page = await renderPage(ReportsPageComponent, { seed });
    await showFebruaryToMarch(page);

    await page.type('To', '2026-01');
    expect(page.byLabel('To').getAttribute('aria-invalid')).toBe('true');
    expect(page.text()).toContain('The last month must not be before the first.');
    expect(charts(page)[0].data?.labels).toEqual(['Feb 2026', 'Mar 2026']);

    await page.type('From', '2015-01');
    expect(page.text()).toContain('A report covers at most 120 months; this range has 133.');
    expect(page.byLabel('To').getAttribute('aria-invalid')).toBeNull();

    await page.type('From', '2026-01');
    expect(page.text()).not.toContain('A report covers');
    expect(page.text()).not.toContain('must not be before');
    expect(charts(page)[0].data?.labels).toEqual(['Jan 2026']);
  });

  it('starts with the last twelve months and offers this year and last year', async () => {
    const { seed } = reportsHousehold();
    const page = await renderPage(ReportsPageComponent, { seed });
    const now = new Date();
    const year = now.getFullYear();
    const month = String(now.getMonth() + 1).padStart(2, '0');
    expect(page.byLabel('To').value).toBe(`${year}-${month}`);
    expect(charts(page)[0].data?.labels).toHaveLength(12);

    await page.click('Last year');
    expect(page.byLabel('From').value).toBe(`${year - 1}-01`);
    expect(page.byLabel('To').value).toBe(`${year - 1}-12`);
    expect(page.element.querySelector('button[aria-pressed="true"]')?.textContent?.trim()).toBe(
      'Last year',
    );
    await page.click('This year');
    expect(page.byLabel('From').value).toBe(`${year}-01`);
  });

  it('shows only the categories ticked in the filter, totals included', async () => {
    const { seed } = reportsHousehold();
    const page = await renderPage(ReportsPageComponent, { seed });
    await showFebruaryToMarch(page);

    const rent = page.byLabel('Rent');
    rent.checked = false;
    rent.dispatchEvent(new Event('change'));
    await page.settle();
    expect(page.text()).toContain('Categories: 3 of 4 shown');
    expect(cells(page.element.querySelector('[data-test="spending-table"]'))).toEqual([
      ['Month', 'Groceries', 'Uncategorized', 'Total'],
      ['Feb 2026', '€45.00', '€500.00', '€545.00'],
      ['Mar 2026', '€55.00', '€110.00', '€165.00'],
      ['All months', '€100.00', '€610.00', '€710.00'],
    ]);
    expect(charts(page)[0].data?.datasets.map((dataset) => dataset.label)).toEqual([
      'Groceries',
      'Uncategorized',
    ]);

    await page.click('Show none');
    expect(page.element.querySelector('[data-test="spending-table"]')).toBeNull();
    expect(page.text()).toContain('No spending in these months.');
    await page.click('Show all');
    expect(page.text()).toContain('Categories: 4 of 4 shown');
    expect(charts(page)[0].data?.datasets).toHaveLength(3);
  });

  it('redraws when another device adds a transaction', async () => {
    const household = reportsHousehold();
    const page = await renderPage(ReportsPageComponent, { seed: household.seed });
    await showFebruaryToMarch(page);

    page.client.seed('transactions', [
      transactionRow({
        accountId: household.checking.id,
        date: '2026-03-28',
        amountMinor: -2_500,
        categoryId: household.rent.id,
      }),
    ]);
    await page.settle();
    expect(cells(page.element.querySelector('[data-test="spending-table"]'))[2]).toEqual([
      'Mar 2026',
      '€55.00',
      '€55.00',
      '€110.00',
      '€220.00',
    ]);
    expect(charts(page)[0].data?.datasets[1].data).toEqual([120_000, 5_500]);
  });
});
