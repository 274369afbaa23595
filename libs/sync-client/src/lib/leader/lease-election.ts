import Dexie from 'dexie';
import type { LocalDatabase } from '../database/local-database';
import { readMeta, writeMeta } from '../database/meta';
import { onTableChange } from '../database/table-watch';
import type { LeaderElection } from './leader-election';

/**
 * Leadership where the Web Locks API is missing (Node, old browsers): a lease row in `meta`
 * that the leader renews every third of its duration, so only a leader that missed two
 * renewals in a row loses it. A leader that stops deletes the row and the others, watching it,
 * take over at once; one that crashed is replaced the moment its lease
 * runs out (followers time a claim for the expiry they saw, rather than waiting for their next
 * renewal tick). Lease checks and writes happen in one transaction, so two candidates never
 * both win.
 */
export class LeaseElection implements LeaderElection {
  private leader = false;
  private stopped = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWatching: (() => void) | null = null;
  private campaign: Promise<void> | null = null;
  private onChange: (leader: boolean) => void = () => undefined;

  constructor(
    private readonly db: LocalDatabase,
    private readonly holderId: string,
    private readonly leaseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async start(onChange: (leader: boolean) => void): Promise<boolean> {
    this.onChange = onChange;
    await this.runCampaign();
    if (this.stopped) return false;
    this.timer = setInterval(
      () => void this.runCampaign(),
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    (this.timer as { unref?: () => void }).unref?.();
    // Only a follower cares when the lease changes hands: it claims as soon as it is free.
    // The leader's own renewals (and every other device's, where devices share a process and
    // a database name) then cost no read.
    this.stopWatching = onTableChange(this.db, 'meta', ['leaderLease'], () => {
      if (!this.leader && !this.stopped) void Dexie.ignoreTransaction(() => this.followLease());
    });
    if (!this.leader) await this.followLease();
    return this.leader;
  }

  async stop(): Promise<void> {
    this.halt();
    await this.campaign;
    if (!this.leader) return;
    this.leader = false;
    await this.db
      .transaction('rw', this.db.meta, async () => {
        const lease = await readMeta(this.db, 'leaderLease');
        if (lease?.holder === this.holderId) await this.db.meta.delete('leaderLease');
      })
      .catch(() => undefined);
  }

  abandon(): void {
    this.halt();
  }

  private async followLease(): Promise<void> {
    const lease = await readMeta(this.db, 'leaderLease').catch(() => null);
    if (this.leader || this.stopped || lease === null) return;
    if (!lease || lease.expiresAt <= this.now()) void this.runCampaign();
    else this.claimAt(lease.expiresAt);
  }

  /** Campaigns right after the lease another instance holds would run out (unless renewed). */
  private claimAt(expiresAt: number): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(
      () => {
        this.expiryTimer = null;
        void this.runCampaign();
      },
      Math.max(0, expiresAt - this.now()) + 1,
    );
    (this.expiryTimer as { unref?: () => void }).unref?.();
  }

  private halt(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  /** One campaign at a time: renew when leading, take over a missing or expired lease. */
  private runCampaign(): Promise<void> {
    this.campaign ??= this.claim().finally(() => (this.campaign = null));
    return this.campaign;
  }

  private async claim(): Promise<void> {
    if (this.stopped) return;
    let leader: boolean;
    try {
      leader = await this.db.transaction('rw', this.db.meta, async () => {
        const lease = await readMeta(this.db, 'leaderLease');
        const now = this.now();
        if (lease && lease.holder !== this.holderId && lease.expiresAt > now) return false;
        await writeMeta(this.db, 'leaderLease', {
          holder: this.holderId,
          expiresAt: now + this.leaseMs,
        });
        return true;
      });
    } catch {
      // Database closing or briefly unavailable: the next tick decides.
      return;
    }
    if (this.stopped || leader === this.leader) return;
    this.leader = leader;
    this.onChange(leader);
  }
}
