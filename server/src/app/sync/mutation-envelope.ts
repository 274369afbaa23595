import { validateMutationData } from '@finwise/domain';
import {
  checkHlc,
  ErrorCodes,
  SyncLimits,
  type ErrorCode,
  type Hlc,
  type MutationResult,
  type Operation,
} from '@finwise/sync-protocol';
import type { SyncedEntityRegistry } from './synced-entity-registry';
import type { SyncedTable } from './synced-table';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPERATIONS: ReadonlySet<string> = new Set(['create', 'update', 'delete']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The row a wire mutation aims at, when its model and id are recognisable — known before (and
 * whether or not) the rest of it is valid, so the row can be probed while validation runs.
 */
export function mutationTarget(
  raw: unknown,
  registry: SyncedEntityRegistry,
): RowTarget | undefined {
  if (!isPlainObject(raw)) return undefined;
  const table = registry.find(raw['modelName']);
  const data = raw['data'];
  if (!table || !isPlainObject(data) || typeof data['id'] !== 'string' || !UUID.test(data['id']))
    return undefined;
  return { table, id: data['id'].toLowerCase() };
}

/**
 * Validates one wire mutation before any SQL runs: one bad mutation must become a `rejected`
 * result, never an error that aborts the whole batch transaction.
 */
export function checkMutation(
  raw: unknown,
  registry: SyncedEntityRegistry,
  nowMs: number,
): CheckedMutation {
  const mutationId =
    isPlainObject(raw) && typeof raw['mutationId'] === 'string' ? raw['mutationId'] : '';
  const refuse = (
    code: ErrorCode,
    message: string,
    details?: unknown,
    target?: RowTarget,
  ): RejectedMutation => ({
    rejected: {
      mutationId,
      status: 'rejected',
      error: details === undefined ? { code, message } : { code, message, details },
    },
    target,
  });
  if (!isPlainObject(raw)) return refuse(ErrorCodes.validation, 'mutation must be an object');
  const unknownKeys = Object.keys(raw).filter(
    (k) => !['mutationId', 'modelName', 'operation', 'data', 'hlc'].includes(k),
  );
  if (unknownKeys.length > 0)
    return refuse(ErrorCodes.validation, `unknown mutation keys: ${unknownKeys.join(', ')}`);
  if (!UUID.test(mutationId)) return refuse(ErrorCodes.validation, 'mutationId must be a UUID');
  const table = registry.find(raw['modelName']);
  if (!table)
    return refuse(
      ErrorCodes.unknownModel,
      `unknown modelName: ${String(raw['modelName']).slice(0, 100)}`,
    );
  // From here on the row the mutation aims at is known: its current state goes back with a rejection.
  const target = mutationTarget(raw, registry);
  const reject = (code: ErrorCode, message: string, details?: unknown) =>
    refuse(code, message, details, target);
  const operation = raw['operation'];
  if (typeof operation !== 'string' || !OPERATIONS.has(operation)) {
    return reject(ErrorCodes.validation, 'operation must be create, update or delete');
  }
  const hlcProblem = checkHlc(raw['hlc'], nowMs, SyncLimits.maxClockSkewMs);
  if (hlcProblem === 'clock_skew') {
    return reject(ErrorCodes.clockSkew, 'hlc is more than 5 minutes ahead of the server clock');
  }
  if (hlcProblem === 'too_old') return reject(ErrorCodes.validation, 'hlc is before 2000-01-01');
  if (hlcProblem)
    return reject(
      ErrorCodes.validation,
      'hlc must look like 2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60',
    );
  const validation = validateMutationData(table.definition, operation as Operation, raw['data']);
  if (!validation.ok) return reject(ErrorCodes.validation, validation.message, validation.issues);
  return {
    accepted: {
      mutationId,
      table,
      operation: operation as Operation,
      data: validation.data,
      hlc: raw['hlc'] as Hlc,
      complete: validation.complete,
    },
  };
}
