import {
  ErrorCodes,
  pushBatchBytes,
  SyncLimits,
  type ErrorAck,
  type Mutation,
} from '@finwise/sync-protocol';
import type { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import { nestsDeeperThan } from './json-depth';
import {
  aimedRow,
  checkMutation,
  isPlainObject,
  targetOf,
  type CheckedMutation,
  type RowTarget,
} from './mutation-check';

/**
 * A batch on its way into the merge. The rows and mutation ids it names are known before its
 * mutations are checked, so they can be read while the checks run (see PushService.apply).
 */
export interface PushBatch {
  size: number;
  /** Per mutation, the row it names when that is recognisable (valid or not). */
  targets: readonly (RowTarget | undefined)[];
  /** Ids of mutations with a client HLC, lowercase: the ones the mutation log may hold. */
  loggedIds: readonly string[];
  check(): readonly CheckedMutation[];
}

/** A batch of mutations checked already (REST writes). */
export function checkedBatch(mutations: readonly CheckedMutation[]): PushBatch {
  return {
    size: mutations.length,
    targets: mutations.map(targetOf),
    loggedIds: mutations.flatMap((m) =>
      'accepted' in m && m.accepted.hlc !== 'server' ? [m.accepted.mutationId.toLowerCase()] : [],
    ),
    check: () => mutations,
  };
}

/**
 * A batch is {mutations: [{…, data: {…}}]}: four levels, and entity fields are scalars. The
 * bound leaves room for future shapes while keeping every later recursive step (size check,
 * validation, digest) far from the stack limit.
 */
const MAX_BATCH_DEPTH = 32;

/**
 * A wire push body as a batch, or why it is refused whole: the whole-batch limits are checked
 * here, before anything touches the database; each mutation is checked on its own by `check`.
 */
export function parsePushRequest(
  body: unknown,
  registry: SyncedEntityRegistry,
  nowMs: number,
): PushBatch | ErrorAck {
  if (!isPlainObject(body) || !Array.isArray(body['mutations'])) {
    return refused(ErrorCodes.validation, 'push expects { mutations: [...] }');
  }
  const mutations: unknown[] = body['mutations'];
  if (mutations.length > SyncLimits.maxBatchMutations) {
    return refused(
      ErrorCodes.batchTooLarge,
      `a batch holds at most ${SyncLimits.maxBatchMutations} mutations (got ${mutations.length})`,
    );
  }
  // Depth first: counting bytes means serialising, which recurses.
  if (nestsDeeperThan(mutations, MAX_BATCH_DEPTH - 1)) {
    return refused(
      ErrorCodes.validation,
      `a batch may nest JSON at most ${MAX_BATCH_DEPTH} levels deep`,
    );
  }
  const bytes = pushBatchBytes(mutations as Mutation[]);
  if (bytes > SyncLimits.maxBatchBytes) {
    return refused(
      ErrorCodes.batchTooLarge,
      `a batch holds at most ${SyncLimits.maxBatchBytes} bytes of JSON (got ${bytes})`,
    );
  }
  return {
    size: mutations.length,
    targets: mutations.map((raw) => aimedRow(raw, registry)),
    loggedIds: mutations.flatMap((raw) =>
      isPlainObject(raw) && typeof raw['mutationId'] === 'string' && UUID.test(raw['mutationId'])
        ? [raw['mutationId'].toLowerCase()]
        : [],
    ),
    check: () => mutations.map((raw) => checkMutation(raw, registry, nowMs)),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refused(code: ErrorAck['error']['code'], message: string): ErrorAck {
  return { error: { code, message } };
}
