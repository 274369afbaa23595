import { compareHlc, maxHlc, type Hlc } from './hlc';
import type { AnyRecord } from './record';

export type Operation = 'create' | 'update' | 'delete';

export interface MutationInput {
  operation: Operation;
  /** `id` plus the changed fields (create: all fields, absent optional ones mean null). */
  data: { id: string } & Record<string, unknown>;
  hlc: Hlc;
}

export type ApplyOutcome =
  | { status: 'applied'; record: AnyRecord; previous: AnyRecord | undefined }
  | { status: 'stale'; record: AnyRecord }
  | { status: 'not_found' };

export interface ApplyOptions {
  /**
   * An `update` of an unknown id creates the row only when its data is a valid full record;
   * the caller (who knows the entity's schema) decides that.
   */
  updateMayCreate?: boolean;
}

/**
 * Applies one mutation to the current state of a row by per-field last-writer-wins.
 *
 * - a field takes the incoming value iff the mutation's HLC is greater than that field's clock;
 *   an equal HLC changes nothing, so re-applying a mutation is harmless;
 * - a create writes every field (absent optional fields as null), which keeps two creates of
 *   the same id commutative; a create of an existing id is an update of all fields;
 * - a delete always produces a tombstone, and a tombstone wins over every update.
 */
export function applyMutation(
  current: AnyRecord | undefined,
  mutation: MutationInput,
  fieldNames: readonly string[],
  options: ApplyOptions = {},
): ApplyOutcome {
  const { operation, data, hlc } = mutation;
  if (operation === 'delete') {
    if (current?.deletedAt != null && compareHlc(current.deletedAt, hlc) >= 0) {
      return { status: 'stale', record: current };
    }
    return {
      status: 'applied',
      record: tombstone(current, data.id, hlc, fieldNames),
      previous: current,
    };
  }
  if (current?.deletedAt != null) return { status: 'stale', record: current };

  if (!current) {
    if (operation === 'update' && !options.updateMayCreate) return { status: 'not_found' };
    const record: AnyRecord = {
      id: data.id,
      createdAt: null,
      updatedAt: hlc,
      deletedAt: null,
      fieldClocks: {},
    };
    for (const field of fieldNames) {
      record[field] = data[field] ?? null;
      record.fieldClocks[field] = hlc;
    }
    return { status: 'applied', record, previous: undefined };
  }

  const written = operation === 'create' ? fieldNames : Object.keys(data).filter((k) => k !== 'id');
  let next: AnyRecord | undefined;
  for (const field of written) {
    const clock = current.fieldClocks[field];
    if (clock !== undefined && compareHlc(hlc, clock) <= 0) continue;
    next ??= { ...current, fieldClocks: { ...current.fieldClocks } };
    next[field] = data[field] ?? null;
    next.fieldClocks[field] = hlc;
  }
  if (!next) return { status: 'stale', record: current };
  next.updatedAt = maxHlc(current.updatedAt, hlc);
  return { status: 'applied', record: next, previous: current };
}

/**
 * Joins two versions of the same row (a state-based CRDT join): per field the value with the
 * greater clock, tombstones win, the newest delete stamps the tombstone. An equal clock keeps
 * the local value, exactly as `applyMutation` keeps the stored one, so a client merging a
 * server record and the server applying that client's mutation decide every field alike.
 * One HLC is one write (every clock ticks per change), so equal clocks carry equal values and
 * the join is commutative, associative and idempotent: replicas that see the same versions in
 * any order end equal.
 */
export function mergeRecords(
  local: AnyRecord | undefined,
  incoming: AnyRecord,
  fieldNames: readonly string[],
): AnyRecord {
  if (!local) return incoming;
  const createdAt = earliest(local.createdAt, incoming.createdAt);
  const tenantId = local.tenantId ?? incoming.tenantId;
  if (local.deletedAt != null || incoming.deletedAt != null) {
    const deletedAt = maxHlc(local.deletedAt, incoming.deletedAt) as Hlc;
    const base = tombstone(undefined, local.id, deletedAt, fieldNames);
    return withOptional(base, { createdAt, tenantId });
  }
  const result: AnyRecord = {
    ...local,
    createdAt,
    updatedAt: maxHlc(local.updatedAt, incoming.updatedAt),
    fieldClocks: { ...local.fieldClocks },
  };
  if (tenantId !== undefined) result.tenantId = tenantId;
  for (const field of fieldNames) {
    const mine = local.fieldClocks[field];
    const theirs = incoming.fieldClocks[field];
    if (theirs === undefined) continue;
    if (mine === undefined || compareHlc(theirs, mine) > 0) {
      result[field] = incoming[field] ?? null;
      result.fieldClocks[field] = theirs;
    }
  }
  return result;
}

/** True when the two rows hold the same data (ignoring key order). */
export function sameRecord(a: AnyRecord | undefined, b: AnyRecord | undefined): boolean {
  if (!a || !b) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

function tombstone(
  current: AnyRecord | undefined,
  id: string,
  hlc: Hlc,
  fieldNames: readonly string[],
): AnyRecord {
  // Tombstones drop their field values: the row's content is gone for every replica, and a
  // normalised tombstone is what makes delete/update orderings converge to the same row.
  const deletedAt = maxHlc(current?.deletedAt, hlc) as Hlc;
  const record: AnyRecord = {
    id,
    createdAt: current?.createdAt ?? null,
    updatedAt: deletedAt,
    deletedAt,
    fieldClocks: {},
  };
  if (current?.tenantId !== undefined) record.tenantId = current.tenantId;
  for (const field of fieldNames) record[field] = null;
  return record;
}

function withOptional(
  record: AnyRecord,
  extra: { createdAt: string | null; tenantId?: string },
): AnyRecord {
  record.createdAt = extra.createdAt;
  if (extra.tenantId !== undefined) record.tenantId = extra.tenantId;
  return record;
}

function earliest(a: string | null, b: string | null): string | null {
  if (a == null) return b;
  if (b == null) return a;
  return a <= b ? a : b;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : v,
  );
}
