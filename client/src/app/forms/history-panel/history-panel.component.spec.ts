import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { transactions } from '@finwise/domain';
import type { HistoryEntry, RowHistory } from '@finwise/sync-protocol';
import { AccountsStore } from '../../data/stores/accounts.store';
import { TransactionsStore } from '../../data/stores/transactions.store';
import { FAKE_CLIENT_ID } from '../../data/testing/fake-sync-client';
import { renderPage, type PageHarness } from '../../testing/page-harness';
import { accountRow, categoryRow, transactionRow } from '../../testing/rows';
import { HistoryPanelComponent } from './history-panel.component';

const checking = accountRow({ name: 'Checking', currency: 'EUR' });
const groceries = categoryRow({ name: 'Groceries' });
const row = transactionRow({
  accountId: checking.id,
  amountMinor: -2500,
  notes: 'Mine',
  categoryId: groceries.id,
});
const HISTORY_URL = `/api/transactions/${row.id}/history`;

/** The register's use of the panel: the transactions store, amounts in the account's currency. */
@Component({
  selector: 'fw-test-history-host',
  imports: [HistoryPanelComponent],
  template: `<fw-history-panel
    [entity]="entity"
    [rowId]="rowId"
    [store]="store"
    [current]="current()"
    [currencies]="{ amountMinor: 'EUR' }"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  protected readonly entity = transactions;
  protected readonly rowId = row.id;
  protected readonly store = inject(TransactionsStore);
  protected readonly current = computed(() => this.store.byId().get(row.id) ?? null);
}

function entry(overrides: Partial<HistoryEntry>): HistoryEntry {
  return {
    hlc: '2026-03-01T10:00:00.000Z-0000-00000000000000a1',
    at: '2026-03-01T10:00:05.000Z',
    userId: '00000000-0000-4000-8000-0000000000a1',
    email: 'ada@example.com',
    clientId: FAKE_CLIENT_ID,
    operation: 'update',
    fields: [],
    ...overrides,
  };
}

/** Two devices changed the amount offline: Ben's later change won, Ada's arrived last and lost. */
const conflictHistory: RowHistory = {
  items: [
    entry({
      fields: [
        { field: 'amountMinor', value: -1250, outcome: 'lost' },
        { field: 'notes', value: 'Mine', outcome: 'applied', previous: 'Theirs', concurrent: true },
      ],
    }),
    entry({
      hlc: '2026-03-01T10:00:01.000Z-0000-00000000000000b2',
      at: '2026-03-01T10:00:02.000Z',
      email: 'ben@example.com',
      clientId: '9f1c2a7b-0000-4000-8000-000000000002',
      fields: [
        { field: 'amountMinor', value: -2500, outcome: 'applied', previous: -1000 },
        { field: 'notes', value: 'Theirs', outcome: 'applied', previous: null },
      ],
    }),
    entry({
      hlc: '2026-02-01T09:00:00.000Z-0000-00000000000000a1',
      at: '2026-02-01T09:00:00.000Z',
      clientId: null,
      operation: 'create',
      fields: [
        { field: 'categoryId', value: groceries.id, outcome: 'applied' },
        { field: 'date', value: '2026-02-01', outcome: 'applied' },
      ],
    }),
  ],
};

describe('HistoryPanelComponent', () => {
  async function render(online: boolean): Promise<PageHarness<HostComponent>> {
    const page = await renderPage(HostComponent, {
      seed: { accounts: [checking], categories: [groceries], transactions: [row] },
    });
    page.client.setStatus({ online });
    await page.settle();
    TestBed.inject(AccountsStore);
    return page;
  }

  const http = () => TestBed.inject(HttpTestingController);
  afterEach(() => http().verify());

  it('lists who changed what from which device, with lost and concurrent values marked', async () => {
    const page = await render(true);
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(conflictHistory);
    await page.settle();

    const entries = [...page.element.querySelectorAll('.history__entry')];
    expect(entries).toHaveLength(3);
    const [mine, theirs, created] = entries.map((element) =>
      (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(mine).toContain('Changed by ada@example.com');
    expect(mine).toContain('on this device');
    expect(mine).toContain('Lost Amount: -€12.50');
    expect(mine).toContain('Not kept: a newer change to this field won.');
    expect(mine).toContain('Concurrent Notes: Mine (was Theirs)');
    expect(theirs).toContain('by ben@example.com');
    expect(theirs).toContain('on device 9f1c2a7b');
    expect(theirs).toContain('Amount: -€25.00 (was -€10.00)');
    expect(theirs).toContain('Notes: Theirs (was empty)');
    expect(created).toContain('Created by ada@example.com');
    expect(created).toContain('on the web API');
    expect(created).toContain('Category: Groceries');
    expect(created).toContain('Date: Feb 1, 2026');

    // Marked by words and a class (styled with an edge and a border), never by colour alone.
    expect(entries[0].classList).toContain('history__entry--conflict');
    expect(entries[1].classList).not.toContain('history__entry--conflict');
    expect(page.element.querySelectorAll('.history__field--lost')).toHaveLength(1);
    expect(page.element.querySelectorAll('.history__field--concurrent')).toHaveLength(1);
  });

  it('offers the dropped value back, and not a value the row already holds', async () => {
    const page = await render(true);
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(conflictHistory);
    await page.settle();
    const restores = [...page.element.querySelectorAll('.history__restore')].map((button) =>
      button.textContent?.replace(/\s+/g, ' ').trim(),
    );
    // The overwritten "Theirs" is offered; the lost "Mine" is the current note already.
    expect(restores).toEqual([
      'Restore this value: Amount -€12.50',
      'Restore this value: Notes Theirs',
    ]);
    expect(page.text()).not.toContain('This is the current value');
  });

  it('restores a lost value with an ordinary update, then shows the history again', async () => {
    const page = await render(true);
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(conflictHistory);
    await page.settle();

    await page.click(/^Restore this value: Amount/);
    expect(page.client.calls).toContain(`update transactions ${row.id} {"amountMinor":-1250}`);
    expect(page.text()).toContain('Amount is -€12.50 again.');
    const reload = http().expectOne((request) => request.url === HISTORY_URL);
    reload.flush({
      items: [
        entry({
          hlc: '2026-03-01T11:00:00.000Z-0000-00000000000000a1',
          at: '2026-03-01T11:00:00.000Z',
          fields: [{ field: 'amountMinor', value: -1250, outcome: 'applied', previous: -2500 }],
        }),
        ...conflictHistory.items,
      ],
    });
    await page.settle();
    expect(page.element.querySelectorAll('.history__entry')).toHaveLength(4);
    expect(page.text()).toContain('This is the current value.');
    expect(page.element.querySelectorAll('.history__restore')).toHaveLength(1);
  });

  it('says history needs a connection while offline, and loads once back online', async () => {
    const page = await render(false);
    expect(page.text()).toContain('History needs a connection');
    http().expectNone((request) => request.url === HISTORY_URL);

    page.client.setStatus({ online: true });
    await page.settle();
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(conflictHistory);
    await page.settle();
    expect(page.text()).not.toContain('History needs a connection');
    expect(page.element.querySelectorAll('.history__entry')).toHaveLength(3);
  });

  it('shows loading, then "No history for this row yet" for a row the server does not know', async () => {
    const page = await render(true);
    expect(page.text()).toContain('Loading history…');
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(
        { statusCode: 404, error: 'Not Found', message: 'transactions x not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await page.settle();
    expect(page.text()).toContain('No history for this row yet.');
  });

  it('shows why loading failed, and tries again', async () => {
    const page = await render(true);
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(
        { statusCode: 503, error: 'Service Unavailable', message: 'The database is busy.' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await page.settle();
    expect(page.text()).toContain('History could not be loaded: The database is busy.');
    await page.click('Try again');
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(conflictHistory);
    await page.settle();
    expect(page.element.querySelectorAll('.history__entry')).toHaveLength(3);
  });

  it('shows older changes on request, up to the most the server hands out', async () => {
    const page = await render(true);
    const edits = (count: number): RowHistory => ({
      items: Array.from({ length: count }, (_, index) =>
        entry({
          hlc: `2026-03-01T10:00:00.000Z-${index.toString(16).padStart(4, '0')}-00000000000000a1`,
          fields: [{ field: 'notes', value: `Edit ${index}`, outcome: 'applied' }],
        }),
      ),
    });
    const first = http().expectOne((request) => request.url === HISTORY_URL);
    expect(first.request.params.get('limit')).toBe('100');
    first.flush(edits(100));
    await page.settle();
    expect(page.element.querySelectorAll('.history__entry')).toHaveLength(100);

    await page.click('Show older changes');
    const more = http().expectOne((request) => request.url === HISTORY_URL);
    expect(more.request.params.get('limit')).toBe('500');
    more.flush(edits(500));
    await page.settle();
    expect(page.element.querySelectorAll('.history__entry')).toHaveLength(500);
    expect(page.text()).toContain('Only the newest 500 changes are shown.');
    expect(page.text()).not.toContain('Show older changes');
  });

  it('offers no older changes when the whole history fits', async () => {
    const page = await render(true);
    http()
      .expectOne((request) => request.url === HISTORY_URL)
      .flush(conflictHistory);
    await page.settle();
    expect(page.text()).not.toContain('Show older changes');
    expect(page.text()).not.toContain('Only the newest');
  });
});
