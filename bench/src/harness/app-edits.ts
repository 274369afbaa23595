import type { Page } from 'playwright-core';
import type { TextWatch } from '../browser/app-probe-api';
import { callProbe } from './app-browser';
import type { AppHousehold, AppTransaction } from './app-household';

/** Per edit, ms from the Enter keydown (as the page's capturing listener saw it). */
export interface EditTiming {
  /** The row shows its new amount. */
  row: number;
  /** The register's account balance shows the new balance. */
  balance: number;
  /** The budget page, in the other window, shows the category's new activity for the month. */
  budget: number;
  /** The keydown listener ran this long after the event's own timestamp (input delivery). */
  inputDelay: number;
  /** Raw baseline right after: Dexie `put` of the same row + `get` by id, in the same page. */
  raw: number;
}

export interface EditRun {
  register: Page;
  budget: Page;
  household: AppHousehold;
  /** The rows edited in turn: visible at the top of the register, all in `month`. */
  targets: readonly AppTransaction[];
  /** The register's account balance and the budget's activities, kept up to date here. */
  balanceMinor: number;
  activity: Map<string, number>;
  timeoutMs: number;
}

const rowSelector = (id: string) =>
  `.register__viewport li.register__row[data-kind="entry"][data-key="${id}"]`;
export const activitySelector = (categoryId: string) =>
  `tr[data-category="${categoryId}"] td.budget-table__wide`;

/** A new expense amount, different from the row's current one. */
function nextAmount(current: number, edit: number): number {
  const next = -(500 + ((edit * 7919 + 4_211) % 30_000));
  return next === current ? next - 1 : next;
}

/** Minor units as the amount field takes them in US English ("-12.34"). */
function fieldText(minor: number): string {
  const absolute = String(Math.abs(minor)).padStart(3, '0');
  return `${minor < 0 ? '-' : ''}${absolute.slice(0, -2)}.${absolute.slice(-2)}`;
}

/**
 * One edit as a keyboard user makes it — the row's Edit button, focus in the amount field, the
 * new amount typed, Enter — timed in the pages from the Enter keydown to each text the edit
 * must change; then, once the app is synced and quiet again, one raw put and get of the row.
 */
export async function timeEdit(run: EditRun, edit: number): Promise<EditTiming> {
  const { register, budget, household } = run;
  const row = run.targets[edit % run.targets.length];
  const categoryId = row.categoryId;
  if (!categoryId) throw new Error('an edited row needs a category');
  const amountMinor = nextAmount(row.amountMinor, edit);
  const delta = amountMinor - row.amountMinor;
  const balanceMinor = run.balanceMinor + delta;
  const activityMinor = (run.activity.get(categoryId) ?? 0) + delta;
  const money = (minor: number) => ({ minor, currency: household.currency });
  const mine: TextWatch[] = [
    {
      name: 'row',
      selector: `${rowSelector(row.id)} .register__amount`,
      prefix: 'Amount ',
      ...money(amountMinor),
    },
    {
      name: 'balance',
      selector: '[data-test="account-balance"]',
      prefix: '',
      ...money(balanceMinor),
    },
  ];
  const theirs: TextWatch[] = [
    { name: 'budget', selector: activitySelector(categoryId), prefix: '', ...money(activityMinor) },
  ];

  await register.locator(`${rowSelector(row.id)} button.register__edit`).click();
  const editor = register.locator('fw-register-row-editor');
  const field = editor.getByLabel(/^Amount/);
  await field.waitFor();
  await field.focus();
  await field.selectText();
  await register.keyboard.type(fieldText(amountMinor));
  await callProbe(register, 'arm', { watches: mine, afterEnter: true, timeoutMs: run.timeoutMs });
  await callProbe(budget, 'arm', { watches: theirs, afterEnter: false, timeoutMs: run.timeoutMs });
  await register.keyboard.press('Enter');
  const [here, there] = await Promise.all([callProbe(register, 'seen'), callProbe(budget, 'seen')]);
  const enterAt = here.enterAt ?? Number.NaN;
  row.amountMinor = amountMinor;
  run.balanceMinor = balanceMinor;
  run.activity.set(categoryId, activityMinor);

  await editor.waitFor({ state: 'detached', timeout: run.timeoutMs });
  await waitForSynced(register, run.timeoutMs);
  const raw = await callProbe(register, 'rawPutGet', { id: row.id, amountMinor });
  return {
    row: here.at['row'] - enterAt,
    balance: here.at['balance'] - enterAt,
    budget: there.at['budget'] - enterAt,
    inputDelay: enterAt - (here.enterEventAt ?? Number.NaN),
    raw: raw.ms,
  };
}

/** Online and every local change acknowledged by the server (the app's sync indicator), then a breath. */
export async function waitForSynced(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const text = document.querySelector('[role="status"][aria-label="Sync status"]')?.textContent;
      return !!text && text.includes('Online') && text.includes('All changes synced');
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
}
