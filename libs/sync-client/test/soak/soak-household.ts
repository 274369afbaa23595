import { randomUUID } from 'node:crypto';
import { sameRecord, type AnyRecord } from '@finwise/sync-protocol';
import { createSyncClient } from '../../src/lib/create-sync-client';
import type { SyncClient } from '../../src/lib/public-types';
import { newDevice } from '../support/fake-indexeddb';
import { sleep } from '../support/wait';
import { accessToken } from '../faults/expired-token';
import { checkEffects, type EffectReport } from '../faults/effect-oracle';
import type { FaultProxy } from '../faults/fault-proxy';
import { readServerRecord } from '../faults/row-versions';
import { SyncTraffic } from '../faults/sync-traffic';
import { WriteOracle } from '../faults/write-oracle';
import {
  TEST_JWT_SECRET,
  type HttpResult,
  type ServerProcess,
  type Session,
} from '../support/server';

/** The entities the soak writes: two plain ones and an insert-only one (moves are never edited). */
export const SOAK_MODELS = ['categories', 'account_groups', 'budget_moves'] as const;
type SoakModel = (typeof SOAK_MODELS)[number];

/** Rows each household's devices fight over, so concurrent edits of one row are common. */
const ROWS_PER_MODEL = 12;

export interface SoakCounts {
  writes: number;
  deletes: number;
  offline: number;
  refusedLocally: number;
}

/**
 * One household of the soak: `devices` Node sync clients (each its own fake IndexedDB) of one
 * user, half of them behind each server instance's proxy. Access tokens are short-lived and
 * renewed as a second login would (signed with the server's secret), so expiry happens all
 * the time without a password hash per renewal.
 */
export class SoakHousehold {
  readonly oracle = new WriteOracle();
  readonly traffic: SyncTraffic[];
  readonly counts: SoakCounts = { writes: 0, deletes: 0, offline: 0, refusedLocally: 0 };
  readonly clients: SyncClient[];
  private readonly ids: Record<SoakModel, string[]>;

  constructor(
    readonly session: Session,
    proxies: readonly { proxy: FaultProxy; traffic: SyncTraffic }[],
    devices: number,
    tokenSeconds: number,
  ) {
    this.traffic = proxies.map((p) => p.traffic);
    this.ids = {
      categories: Array.from({ length: ROWS_PER_MODEL }, () => randomUUID()),
      account_groups: Array.from({ length: ROWS_PER_MODEL }, () => randomUUID()),
      budget_moves: [],
    };
    this.clients = Array.from({ length: devices }, (_, i) =>
      createSyncClient({
        url: `http://127.0.0.1:${proxies[i % proxies.length].proxy.port}`,
        tenantId: session.tenant.id,
        getToken: () => accessToken(session, TEST_JWT_SECRET, tokenSeconds),
        refreshToken: async () => accessToken(session, TEST_JWT_SECRET, tokenSeconds),
        ...newDevice(),
        // The product's own timeouts and backoff ceiling: with 200 devices in one process, a
        // 10 s request timeout and a 5 s ceiling made every slow answer drop its socket and
        // every device reconnect in step, a storm that never drained.
        tuning: { backoffBaseMs: 200 },
      }),
    );
  }

  start(): Promise<void[]> {
    return Promise.all(this.clients.map((client) => client.start()));
  }

  /** Each device edits at its own pace until `untilMs`, now and then going offline for a while. */
  async work(untilMs: number, random: () => number): Promise<void> {
    await Promise.all(
      this.clients.map(async (client) => {
        while (Date.now() < untilMs) {
          // About one edit per device every 7 s: 200 devices then make ~30 writes and ~270
          // deliveries to other devices per second, which one Node process of fake IndexedDBs
          // keeps up with on two cores (at one edit per 2 s it fell behind and ran out of heap).
          await sleep(3_000 + random() * 9_000);
          await this.step(client, random);
        }
        client.connect();
      }),
    );
  }

  private async step(client: SyncClient, random: () => number): Promise<void> {
    const roll = random();
    if (roll < 0.1) {
      this.counts.offline += 1;
      client.disconnect();
      await sleep(2_000 + random() * 8_000);
      client.connect();
      return;
    }
    const model: SoakModel =
      roll < 0.4 ? 'categories' : roll < 0.75 ? 'account_groups' : 'budget_moves';
    try {
      if (model === 'budget_moves') await this.move(client, random);
      else await this.edit(client, model, random);
    } catch (error) {
      // Refused locally (the row is unknown or deleted on this device): nothing was queued.
      const code = (error as { code?: string }).code ?? '';
      if (!['not_found', 'deleted'].includes(code)) throw error;
      this.counts.refusedLocally += 1;
    }
  }

  private async edit(
    client: SyncClient,
    model: 'categories' | 'account_groups',
    random: () => number,
  ) {
    const table = client.table<AnyRecord>(model);
    const id = this.ids[model][Math.floor(random() * ROWS_PER_MODEL)];
    const action = random();
    if (action < 0.04) {
      await table.delete(id);
      this.oracle.recordDelete(id);
      this.counts.deletes += 1;
      return;
    }
    const name = `${model} ${Math.floor(random() * 1e6)}`;
    const sortOrder = Math.floor(random() * 1000);
    const known = (await table.get(id)) !== undefined;
    const data =
      model === 'account_groups'
        ? { name, sortOrder }
        : known && action < 0.6
          ? { hidden: random() < 0.5, sortOrder }
          : { name, groupName: 'Soak', isIncome: false, hidden: false, sortOrder };
    const stored = known ? await table.update(id, data) : await table.create({ id, ...data });
    this.oracle.recordWrite(id, stored, Object.keys(data));
    this.counts.writes += 1;
  }

  private async move(client: SyncClient, random: () => number) {
    const table = client.table<AnyRecord>('budget_moves');
    const undo = random() < 0.1 && this.ids.budget_moves.length > 0;
    if (undo) {
      const id = this.ids.budget_moves[Math.floor(random() * this.ids.budget_moves.length)];
      if ((await table.get(id)) === undefined) return;
      await table.delete(id);
      this.oracle.recordDelete(id);
      this.counts.deletes += 1;
      return;
    }
    const id = randomUUID();
    const data = {
      month: '2026-12',
      fromCategoryId: null,
      toCategoryId: this.ids.categories[Math.floor(random() * ROWS_PER_MODEL)],
      amountMinor: 1 + Math.floor(random() * 10_000),
    };
    const stored = await table.create({ id, ...data });
    this.ids.budget_moves.push(id);
    this.oracle.recordWrite(id, stored, Object.keys(data));
    this.counts.writes += 1;
  }

  /** Every device online and drained. */
  async drain(timeoutMs: number): Promise<void> {
    for (const client of this.clients) client.connect();
    await Promise.all(this.clients.map((client) => client.flush(timeoutMs)));
  }

  /**
   * The checks of the end: every write a device accepted is on the server (or overridden by
   * a later one), each mutation took effect once, and every device holds what the server holds.
   */
  async verify(server: ServerProcess, databaseUrl: string): Promise<VerifyReport> {
    const token = accessToken(this.session, TEST_JWT_SECRET, 120);
    const rows = new Map<string, AnyRecord>();
    const live = new Map<SoakModel, AnyRecord[]>();
    for (const model of SOAK_MODELS) {
      const items = await listAll(server, model, token);
      for (const row of items) rows.set(row.id, row);
      live.set(
        model,
        items.filter((row) => row.deletedAt === null),
      );
    }
    const lost = this.oracle.ids().flatMap((id) => this.oracle.check(id, rows.get(id)));
    const sent = new Set(this.traffic.flatMap((t) => [...t.sent]));
    const lastStatus = new Map(this.traffic.flatMap((t) => [...t.lastStatus]));
    const effects: EffectReport = checkEffects(
      await readServerRecord(databaseUrl, this.session.tenant.id),
      { sent, lastStatus },
      this.oracle.hlcs,
    );
    const diverged: string[] = [];
    for (const [index, client] of this.clients.entries()) {
      for (const [model, serverRows] of live) {
        const local = await client.table<AnyRecord>(model).all();
        const byId = new Map(local.map((row) => [row.id, row]));
        if (
          local.length !== serverRows.length ||
          !serverRows.every((row) => sameRecord(row, byId.get(row.id)))
        )
          diverged.push(`device ${index}: ${model} differs from the server`);
      }
    }
    return { writes: this.oracle.writes, lost, effects, diverged };
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.clients.map((client) => client.stop({ clearLocalData: true }).catch(() => undefined)),
    );
  }
}

export interface VerifyReport {
  writes: number;
  lost: string[];
  effects: EffectReport;
  diverged: string[];
}

interface Page {
  items: AnyRecord[];
  next: string | null;
}

async function listAll(server: ServerProcess, model: string, token: string): Promise<AnyRecord[]> {
  const rows: AnyRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const query = `/${model}?includeDeleted=true&limit=1000${after ? `&after=${after}` : ''}`;
    const page: HttpResult<Page> = await server.request<Page>('GET', query, {
      token,
    });
    if (page.status !== 200) throw new Error(`listing ${model} failed: ${page.status}`);
    rows.push(...page.body.items);
    if (!page.body.next) return rows;
    after = page.body.next;
  }
}
