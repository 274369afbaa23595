import {
  ErrorCodes,
  pushBatchBytes,
  SyncLimits,
  type ErrorAck,
  type Mutation,
} from '@finwise/sync-protocol';
import type { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import { nestsDeeperThan } from './json-depth';
import { checkMutation, isPlainObject, type CheckedMutation } from './mutation-check';

/**
 * A batch is {mutations: [{…, data: {…}}]}: four levels, and entity fields are scalars. The
 * bound leaves room for future shapes while keeping every later recursive step (size check,
 * validation, digest) far from the stack limit.
 */
const MAX_BATCH_DEPTH = 32;

/**
 * A wire push body as checked mutations, or why the batch is refused whole. The whole-batch
 * limits come first (a refused batch costs no more than its checks); then every mutation is
 * checked on its own.
 */
export function parsePushRequest(
  body: unknown,
  registry: SyncedEntityRegistry,
  nowMs: number,
): { mutations: CheckedMutation[] } | ErrorAck {
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
  return { mutations: mutations.map((raw) => checkMutation(raw, registry, nowMs)) };
}

function refused(code: ErrorAck['error']['code'], message: string): ErrorAck {
  return { error: { code, message } };
}
