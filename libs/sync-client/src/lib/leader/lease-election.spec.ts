import { newDevice } from '../../../test/support/fake-indexeddb';
import { sleep, waitFor } from '../../../test/support/wait';
import { LocalDatabase } from '../database/local-database';
import { readMeta } from '../database/meta';
import { environmentReady } from '../../../test/support/environment';
import { LeaseElection } from './lease-election';

describe('LeaseElection', () => {
  let device = newDevice();
  let databases: LocalDatabase[] = [];
  let elections: LeaseElection[] = [];

  beforeEach(() => {
    device = newDevice();
    environmentReady(device);
  });
  afterEach(async () => {
    for (const election of elections) election.abandon();
    for (const db of databases) db.close();
    elections = [];
    databases = [];
  });

  /** One "tab": its own Dexie instance on the shared factory, as tabs share one origin's IndexedDB. */
  async function tab(name: string, leaseMs = 1500) {
    const db = new LocalDatabase('tenant-lease', device);
    await db.open();
    databases.push(db);
    const election = new LeaseElection(db, name, leaseMs);
    elections.push(election);
    const changes: boolean[] = [];
    const first = await election.start((leader) => changes.push(leader));
    return { election, changes, first };
  }

  it('elects exactly one leader and hands over at once when it stops', async () => {
    const a = await tab('a');
    const b = await tab('b');
    expect([a.first, b.first]).toEqual([true, false]);
    await sleep(1700);
    // Renewals keep the lease: b stays a follower past the lease duration.
    expect(b.changes).toEqual([]);
    await a.election.stop();
    await waitFor(() => b.changes.length > 0, 2000, 'b to take over');
    expect(b.changes).toEqual([true]);
    expect(a.changes).toEqual([true]);
  });

  it('replaces a crashed leader once its lease has run out', async () => {
    const a = await tab('a', 400);
    const b = await tab('b', 400);
    a.election.abandon();
    const crashedAt = Date.now();
    await waitFor(() => b.changes.includes(true), 3000, 'b to take over');
    expect(a.first).toBe(true);
    // Not before the crashed leader's lease ran out (it was renewed at most ~130 ms before).
    expect(Date.now() - crashedAt).toBeGreaterThanOrEqual(250);
  });

  it("takes over right when the crashed leader's lease runs out, not at its next renewal tick", async () => {
    // Renewal ticks every 500 ms: waiting for one would add up to 500 ms after the expiry.
    const a = await tab('a', 1500);
    // Half a tick out of phase with a's renewals, so b's own ticks come 250 ms after an expiry.
    await sleep(250);
    const b = await tab('b', 1500);
    await sleep(100);
    a.election.abandon();
    const lease = await readMeta(databases[0], 'leaderLease');
    expect(lease?.holder).toBe('a');
    await waitFor(() => b.changes.includes(true), 3000, 'b to take over');
    const late = Date.now() - lease!.expiresAt;
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(200);
  });
});
