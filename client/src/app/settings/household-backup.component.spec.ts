import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FileSaver } from '../files/file-saver';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { HouseholdBackupComponent } from './household-backup.component';

const BACKUP = {
  format: 'finwise-household',
  version: 1,
  exportedAt: '2026-12-07T08:00:00.000Z',
  entities: { accounts: [{ id: 'a1', name: 'Giro' }] },
};

async function render() {
  const page = await renderPage(HouseholdBackupComponent);
  page.client.setStatus({ online: true });
  await page.settle();
  const http = TestBed.inject(HttpTestingController);
  const saved: { name: string; content: string; type: string }[] = [];
  jest
    .spyOn(TestBed.inject(FileSaver), 'save')
    .mockImplementation((name, content, type) => void saved.push({ name, content, type }));
  return { page, http, saved };
}

/** Picks a file in the restore field as a user would. */
async function pick(page: PageHarness<HouseholdBackupComponent>, content: string, name: string) {
  const input = page.byLabel<HTMLInputElement>('Restore from backup');
  Object.defineProperty(input, 'files', {
    value: [new File([content], name, { type: 'application/json' })],
    configurable: true,
  });
  input.dispatchEvent(new Event('change'));
  await page.settle();
}

/** Lets the FileReader finish, then answers the restore request. */
async function restoreRequest(page: PageHarness<HouseholdBackupComponent>) {
  const http = TestBed.inject(HttpTestingController);
  for (let i = 0; i < 20; i += 1) {
    const pending = http.match('/api/import/household');
    if (pending.length > 0) return pending[0];
    await page.settle();
  }
  throw new Error('no restore request was sent');
}

const alert = (page: PageHarness<HouseholdBackupComponent>) =>
  page.element.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim();
const status = (page: PageHarness<HouseholdBackupComponent>) =>
  page.element.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim();

describe('HouseholdBackupComponent', () => {
  it('downloads the backup from the server and saves it under a dated name', async () => {
    const { page, http, saved } = await render();
    await page.click('Download backup');
    const request = http.expectOne('/api/export/household.json');
    expect(request.request.method).toBe('GET');
    request.flush(BACKUP);
    await page.settle();
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toMatch(/^finwise-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(saved[0].type).toBe('application/json');
    expect(JSON.parse(saved[0].content)).toEqual(BACKUP);
    expect(status(page)).toMatch(/^Backup saved as finwise-backup-/);
  });

  it('asks before restoring, sends the file and reports what was restored', async () => {
    const { page, http } = await render();
    await pick(page, JSON.stringify(BACKUP), 'backup.json');
    const dialog = page.element.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('Restore backup.json into this household?');
    expect(dialog?.textContent).toContain('only while the household is empty');
    http.expectNone('/api/import/household');

    await page.click('Cancel');
    expect(page.element.querySelector('[role="alertdialog"]')).toBeNull();

    await pick(page, JSON.stringify(BACKUP), 'backup.json');
    await page.click('Restore backup');
    const request = await restoreRequest(page);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(BACKUP);
    request.flush({ restored: { accounts: 3, transactions: 812, budget_moves: 2, payees: 0 } });
    await page.settle();
    expect(status(page)).toBe('Backup restored: 3 accounts, 812 transactions, 2 budget moves.');
    expect(page.element.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('explains a household that is not empty (409) and a refused file (400)', async () => {
    const { page } = await render();
    await pick(page, JSON.stringify(BACKUP), 'backup.json');
    await page.click('Restore backup');
    (await restoreRequest(page)).flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'a backup restores only into an empty household',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await page.settle();
    expect(alert(page)).toContain('A backup restores only into an empty household');
    expect(alert(page)).toContain('nothing was restored');

    await page.click('Restore backup');
    (await restoreRequest(page)).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'version 2 is not supported (this server restores version 1)',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await page.settle();
    expect(alert(page)).toBe(
      'This file cannot be restored, and nothing was changed: version 2 is not supported (this server restores version 1)',
    );
  });

  it('refuses a file that is not JSON without asking the server', async () => {
    const { page, http } = await render();
    await pick(page, 'id,date\r\n', 'export.csv');
    await page.click('Restore backup');
    for (let i = 0; i < 5; i += 1) await page.settle();
    http.expectNone('/api/import/household');
    expect(alert(page)).toBe('export.csv is not a FinWise backup: it is not a JSON file.');
  });

  it('says that download and restore need a connection while offline', async () => {
    const { page, http } = await render();
    page.client.setStatus({ online: false });
    await page.settle();
    expect(page.text()).toContain(
      'You are offline; downloading and restoring a backup need a connection.',
    );
    const download = [...page.element.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Download backup',
    );
    expect(download?.disabled).toBe(true);
    await pick(page, JSON.stringify(BACKUP), 'backup.json');
    await page.click('Restore backup');
    http.expectNone('/api/import/household');
    expect(alert(page)).toBe(
      'You are offline. Restoring a backup needs a connection to the server.',
    );
  });
});
