import { join } from 'node:path';
import { type ImportPlan } from '@finwise/import';
import type { Mutation } from '@finwise/sync-protocol';
import { germanBankStatement, type BankStatement } from '../harness/bank-statement';
import { writePageFile } from '../harness/bench-page';
import { callPage, chromiumMissing, openBenchPage, withPageProfile } from '../harness/browser';
import type { BenchContext, Scenario } from '../harness/context';
import {
  importHousehold,
  statementAsCreates,
  type ImportHousehold,
} from '../harness/import-household';
import { openPushRun } from '../harness/protocol-drivers';
import type { RunningServer } from '../harness/server-process';
import { signup, type Session } from '../harness/session';
import { packBatches } from '../harness/transaction-rows';

const STATEMENT_URL = '/statement.csv';

/**
 * Scenario 8: a bank CSV of N lines imported into an account that already holds M rows —
 * in Chromium through the app's offline path (read, dedup context from IndexedDB, plan, local
 * writes) against a plain papaparse parse plus a Dexie `bulkPut` of as many rows in the same
 * page and database; and on the server through `POST /api/accounts/:id/import` against pushing
 * the same lines as ordinary `create` mutations over the sync socket.
 */
export const bankImport: Scenario = {
  name: 'import',
  title: '8. bank-file import',
  async run(context) {
    const { importLines, importExistingRows } = context.options.sizes;
    const server = await context.primaryServer();
    const statement = germanBankStatement(importLines);
    const household = importHousehold(statement, importExistingRows);
    const session = await signup(server.url, 'import');
    await pushAll(server, session, [...household.setup, ...household.transactions]);
    const { summary } = household.expected;
    const detail = `${importLines.toLocaleString('en-US')} lines into ${household.rowCount.toLocaleString('en-US')} rows`;
    context.log(
      `${detail}, ${(statement.bytes.length / 1024).toFixed(0)} KiB; the plan: ${summary.new} new, ` +
        `${summary.match} match, ${summary.duplicate} duplicate, ${summary.locked} locked → ` +
        `${household.expected.mutations.length} writes`,
    );
    writePageFile(context.pageDir, STATEMENT_URL.slice(1), Buffer.from(statement.bytes));

    const missing = !context.options.browser ? 'disabled with --no-browser' : chromiumMissing();
    if (missing) {
      context.skip('import (browser)', missing);
      // The household's rows were just written: statistics and dirty pages settle first.
      await context.settle();
    } else {
      // Settles after the browser's initial load (see there), which the server part follows.
      await browserImport(context, server, session, statement, household, detail);
    }
    await serverImport(context, server, session, statement, household, detail);
  },
};

async function browserImport(
  context: BenchContext,
  server: RunningServer,
  session: Session,
  statement: BankStatement,
  household: ImportHousehold,
  detail: string,
): Promise<void> {
  const page = await openBenchPage(server.url);
  try {
    const opened = await callPage(page.page, 'openHousehold', {
      url: server.url,
      tenantId: session.tenantId,
      token: session.accessToken,
    });
    if (opened.loaded !== opened.total || opened.total < household.rowCount)
      throw new Error(`the browser loaded ${opened.loaded} of ${opened.total} rows`);
    // The seeding's statistics and dirty pages, and IndexedDB's own work after a load of that
    // size (compaction), are waited out before anything is timed.
    await context.settle();
    const profile = context.options.cpuProfileDir
      ? join(context.options.cpuProfileDir, `chromium-import-run${context.run}.cpuprofile`)
      : null;
    const ours = await withPageProfile(page.page, profile, () =>
      callPage(page.page, 'importIntoLocalDatabase', {
        accountId: household.accountId,
        currency: household.currency,
        fileUrl: STATEMENT_URL,
        fileName: statement.fileName,
      }),
    );
    checkPlan('the browser', ours.summary, ours.writes, household.expected);
    // The plan's writes, its payee seeds and the account's remembered options.
    const queued = ours.writes + ours.payeeSeeds + 1;
    if (ours.pendingCount !== queued)
      throw new Error(`the outbox holds ${ours.pendingCount} mutations, not ${queued}`);
    const raw = await callPage(page.page, 'rawImport', {
      tenantId: session.tenantId,
      fileUrl: STATEMENT_URL,
      rowIds: ours.writtenIds,
    });
    if (raw.putRows !== ours.writes) throw new Error(`raw bulkPut wrote ${raw.putRows} rows`);
    const phases =
      `read ${ours.readMs.toFixed(0)} ms, context ${ours.contextMs.toFixed(0)} ms ` +
      `(${ours.contextRows} rows), plan ${ours.planMs.toFixed(0)} ms, ` +
      `write ${ours.writeMs.toFixed(0)} ms (${ours.writes} mutations)`;
    context.log(
      `chromium: import ${ours.ms.toFixed(0)} ms (${phases}); raw parse ${raw.parseMs.toFixed(0)} ms + bulkPut ${raw.putMs.toFixed(0)} ms`,
    );
    context.record({
      scenario: 'import',
      metric: 'bank-file import, Chromium (IndexedDB)',
      detail,
      unit: 'ms',
      ours: ours.ms,
      baseline: raw.parseMs + raw.putMs,
      baselineName: 'papaparse + Dexie bulkPut',
      better: 'lower',
      target: { op: '<=', ratio: 2 },
      notes: [
        `ours: ${phases}`,
        `raw: parse ${raw.parseMs.toFixed(0)} ms (${raw.parsedRecords} records), bulkPut ${raw.putMs.toFixed(0)} ms (${raw.putRows} rows)`,
      ],
    });
  } finally {
    await page.close();
  }
}

/**
 * The import request between two pushes of the same lines into fresh households (each with the
 * accounts and payees the rows name): the baseline is their mean, so a machine that drifts in
 * speed during the scenario moves both sides alike.
 */
async function serverImport(
  context: BenchContext,
  server: RunningServer,
  session: Session,
  statement: BankStatement,
  household: ImportHousehold,
  detail: string,
): Promise<void> {
  const { payeeSeeds, creates } = statementAsCreates(household);
  const batches = packBatches(creates);
  const pushTargets: Session[] = [];
  for (const label of ['import-push-1', 'import-push-2']) {
    const target = await signup(server.url, label);
    await pushAll(server, target, [...household.setup, ...payeeSeeds]);
    pushTargets.push(target);
  }

  const pushMs = async (target: Session) => {
    const runner = await openPushRun(server.url, target, null);
    try {
      return (await runner.push(batches)).ms;
    } finally {
      await runner.close();
    }
  };
  const before = await pushMs(pushTargets[0]);
  const importMs = await postImport(server, session, statement, household);
  const after = await pushMs(pushTargets[1]);
  const baseline = (before + after) / 2;
  context.log(
    `server: import ${importMs.toFixed(0)} ms; push of ${creates.length} creates in ${batches.length} batches ${before.toFixed(0)} / ${after.toFixed(0)} ms (before / after)`,
  );
  context.record({
    scenario: 'import',
    metric: 'bank-file import, server (POST …/import)',
    detail,
    unit: 'ms',
    ours: importMs,
    baseline,
    baselineName: `sync:push of ${creates.length.toLocaleString('en-US')} creates`,
    better: 'lower',
    target: { op: '<=', ratio: 1.3 },
    notes: [
      `push before ${before.toFixed(0)} ms, after ${after.toFixed(0)} ms (${batches.length} batches)`,
    ],
  });
}

async function postImport(
  server: RunningServer,
  session: Session,
  statement: BankStatement,
  household: ImportHousehold,
): Promise<number> {
  const form = new FormData();
  form.append(
    'file',
    new Blob([Buffer.from(statement.bytes)], { type: 'text/csv' }),
    statement.fileName,
  );
  const started = performance.now();
  const response = await fetch(`${server.url}/api/accounts/${household.accountId}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.accessToken}` },
    body: form,
  });
  const answer = (await response.json()) as Record<string, number>;
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`import failed: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
  const { expected } = household;
  const wanted = {
    created: expected.created,
    updated: expected.updated,
    duplicate: expected.summary.duplicate,
    locked: expected.summary.locked,
  };
  for (const [key, value] of Object.entries(wanted)) {
    if (answer[key] !== value)
      throw new Error(`the server's import answered ${key} ${answer[key]}, planned ${value}`);
  }
  return ms;
}

/** The browser must come to the plan `planImport` makes with every row of the household. */
function checkPlan(
  who: string,
  summary: ImportPlan['summary'],
  writes: number,
  expected: ImportPlan,
): void {
  const same = (Object.keys(expected.summary) as (keyof ImportPlan['summary'])[]).every(
    (key) => summary[key] === expected.summary[key],
  );
  if (!same || writes !== expected.mutations.length)
    throw new Error(
      `${who} planned ${JSON.stringify(summary)} with ${writes} writes, expected ` +
        `${JSON.stringify(expected.summary)} with ${expected.mutations.length}`,
    );
}

async function pushAll(server: RunningServer, session: Session, mutations: Mutation[]) {
  const runner = await openPushRun(server.url, session, null);
  try {
    await runner.push(packBatches(mutations));
  } finally {
    await runner.close();
  }
}
