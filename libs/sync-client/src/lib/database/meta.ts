import type { HlcState } from '@finwise/sync-protocol';
import type { OverwrittenChange, Rejection } from '../public-types';
import type { LocalDatabase } from './local-database';

export interface InitialLoadState {
  loaded: number;
  total: number;
  /** False while a load from cursor null is under way (a restart resumes its progress). */
  done: boolean;
}

/** What the leader shares with the other tabs of the tenant (they have no socket of their own). */
export interface SharedSyncState {
  online: boolean;
  lastSyncedAt: string | null;
}

export interface LeaderLease {
  holder: string;
  /** Epoch ms after which another instance may take over. */
  expiresAt: number;
}

/** Everything the engine keeps in the `meta` table, by key. */
export interface MetaValues {
  /** Change-feed position of the local copy; null before the initial load. */
  cursor: string | null;
  clientId: string;
  /** HLC node id: 16 random hex, generated once per local database. */
  nodeId: string;
  clock: HlcState;
  /** Milliseconds added to the device clock when stamping: 0 unless it is off by over a minute. */
  clockOffset: number;
  /** `CLIENT_SCHEMA_VERSION` the local copy was loaded with. */
  schemaVersion: number;
  initialLoad: InitialLoadState;
  syncState: SharedSyncState;
  rejections: Rejection[];
  overwritten: OverwrittenChange[];
  leaderLease: LeaderLease;
  /** Written by a tab that became visible; the leader tab (which owns the socket) then pulls. */
  pullRequest: string;
}

export type MetaKey = keyof MetaValues;

/** Reads one meta value; call inside a transaction that includes `meta` for a consistent view. */
export async function readMeta<K extends MetaKey>(
  db: LocalDatabase,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const entry = await db.meta.get(key);
  return entry?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(
  db: LocalDatabase,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value });
}

/** Rejections shown to the user are capped: an old notice is worth less than unbounded growth. */
const MAX_STORED_REJECTIONS = 200;

/** The same cap for notices of overwritten changes. */
const MAX_STORED_OVERWRITTEN = 200;

export async function appendOverwritten(
  db: LocalDatabase,
  added: readonly OverwrittenChange[],
): Promise<OverwrittenChange[]> {
  const current = (await readMeta(db, 'overwritten')) ?? [];
  if (added.length === 0) return current;
  const next = [...current, ...added].slice(-MAX_STORED_OVERWRITTEN);
  await writeMeta(db, 'overwritten', next);
  return next;
}

export async function appendRejections(
  db: LocalDatabase,
  added: readonly Rejection[],
): Promise<Rejection[]> {
  const current = (await readMeta(db, 'rejections')) ?? [];
  if (added.length === 0) return current;
  const next = [...current, ...added].slice(-MAX_STORED_REJECTIONS);
  await writeMeta(db, 'rejections', next);
  return next;
}
