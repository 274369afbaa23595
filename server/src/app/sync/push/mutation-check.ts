import { validateMutationData } from '@finwise/domain';
import {
  checkHlc,
  ErrorCodes,
  mutationSchema,
  SyncLimits,
  type ErrorCode,
  type Hlc,
  type MutationResult,
  type Operation,
} from '@finwise/sync-protocol';
import type { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import type { SyncedTable } from '../tables/synced-table';

/** A mutation that passed every check that needs no database: ready to merge. */
export interface AcceptedMutation {
  mutationId: string;
  table: SyncedTable;
  operation: Operation;
  data: { id: string } & Record<string, unknown>;
  /** Client HLC, or 'server' for REST writes stamped inside the transaction. */
  hlc: Hlc | 'server';
  /** The data is a full row, so an update of an unknown id may create it. */
  complete: boolean;
  /** REST semantics: the row must exist and be live, else `not_found`. */
  requireLive?: boolean;
}

/** A row of one synced table (id lowercase, as PostgreSQL returns it). */
export interface RowTarget {
  table: SyncedTable;
  id: string;
}

export interface RejectedMutation {
  rejected: MutationResult;
  /** The row the mutation aimed at, when identifiable: its current state goes back with the rejection. */
  target?: RowTarget;
}

export type CheckedMutation = { accepted: AcceptedMutation } | RejectedMutation;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The row a checked mutation aims at (accepted ones always, rejected ones when identifiable). */
export function targetOf(checked: CheckedMutation): RowTarget | undefined {
  return 'accepted' in checked
    ? { table: checked.accepted.table, id: checked.accepted.data.id }
    : checked.target;
}

/**
 * Checks one wire mutation before any SQL runs: against the published `Mutation` schema, the
 * server's clock and the entity's own rules. One bad mutation becomes a `rejected` result,
 * never an error that aborts the whole batch. When several things are wrong, the first of
 * envelope, mutationId, modelName, operation, hlc and data is reported.
 */
export function checkMutation(
  raw: unknown,
  registry: SyncedEntityRegistry,
  nowMs: number,
): CheckedMutation {
  const mutationId =
    isPlainObject(raw) && typeof raw['mutationId'] === 'string' ? raw['mutationId'] : '';
  const refuse = (code: ErrorCode, message: string, target?: RowTarget, details?: unknown) => ({
    rejected: {
      mutationId,
      status: 'rejected' as const,
      error: details === undefined ? { code, message } : { code, message, details },
    },
    target,
  });
  if (!isPlainObject(raw)) return refuse(ErrorCodes.validation, 'mutation must be an object');

  const envelope = mutationSchema.safeParse(raw);
  const issues = envelope.success ? [] : envelope.error.issues;
  const unknownKeys = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : [],
  );
  if (unknownKeys.length > 0) {
    return refuse(ErrorCodes.validation, `unknown mutation keys: ${unknownKeys.join(', ')}`);
  }
  const wrong = (key: string) => issues.some((issue) => issue.path[0] === key);
  if (wrong('mutationId')) return refuse(ErrorCodes.validation, 'mutationId must be a UUID');
  const table = registry.find(raw['modelName']);
  if (!table) {
    const name = String(raw['modelName']).slice(0, 100);
    return refuse(ErrorCodes.unknownModel, `unknown modelName: ${name}`);
  }
  // From here on the row is known: its current state goes back with a rejection.
  const target = rowTarget(table, raw['data']);
  if (wrong('operation')) {
    return refuse(ErrorCodes.validation, 'operation must be create, update or delete', target);
  }
  // The schema says whether the HLC is well-formed; the server's clock decides the skew.
  switch (checkHlc(raw['hlc'], nowMs, SyncLimits.maxClockSkewMs)) {
    case null:
      break;
    case 'clock_skew':
      return refuse(
        ErrorCodes.clockSkew,
        'hlc is more than 5 minutes ahead of the server clock',
        target,
      );
    case 'too_old':
      return refuse(ErrorCodes.validation, 'hlc is before 2000-01-01', target);
    default:
      return refuse(ErrorCodes.validation, HLC_SHAPE, target);
  }
  // The data's envelope rules (an object with a UUID id) are part of the entity's own, which
  // name every problem field by field.
  const operation = raw['operation'] as Operation;
  const validation = validateMutationData(table.definition, operation, raw['data']);
  if (!validation.ok) {
    return refuse(ErrorCodes.validation, validation.message, target, validation.issues);
  }
  return {
    accepted: {
      mutationId,
      table,
      operation,
      data: validation.data,
      hlc: raw['hlc'] as Hlc,
      complete: validation.complete,
    },
  };
}

const HLC_SHAPE = 'hlc must look like 2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row a wire mutation names, when its model and id are recognisable (valid or not). */
export function aimedRow(raw: unknown, registry: SyncedEntityRegistry): RowTarget | undefined {
  if (!isPlainObject(raw)) return undefined;
  const table = registry.find(raw['modelName']);
  return table ? rowTarget(table, raw['data']) : undefined;
}

function rowTarget(table: SyncedTable, data: unknown): RowTarget | undefined {
  if (!isPlainObject(data) || typeof data['id'] !== 'string' || !UUID.test(data['id'])) {
    return undefined;
  }
  return { table, id: data['id'].toLowerCase() };
}
