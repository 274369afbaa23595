import { randomUUID } from 'node:crypto';
import { validateMutationData } from '@finwise/domain';
import type { Operation } from '@finwise/sync-protocol';
import type { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import type { AcceptedMutation } from './mutation-check';

/** A write the server makes on its own behalf (REST, reconcile): stamped with its clock. */
export interface ServerWrite {
  readonly modelName: string;
  readonly operation: Operation;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Why a server write cannot be merged: the entity's own rules refuse its data. */
export class InvalidServerWrite extends Error {
  constructor(
    message: string,
    readonly issues: unknown,
  ) {
    super(message);
  }
}

/**
 * A server write as a mutation ready to merge, checked against the entity's rules like any
 * pushed one and stamped with the server's clock inside the transaction (`hlc: 'server'`).
 * `requireLive` gives REST semantics: the row must exist and be live.
 */
export function serverMutation(
  registry: SyncedEntityRegistry,
  write: ServerWrite,
  options: { requireLive?: boolean } = {},
): AcceptedMutation {
  const table = registry.get(write.modelName);
  const validation = validateMutationData(table.definition, write.operation, write.data);
  if (!validation.ok) throw new InvalidServerWrite(validation.message, validation.issues);
  return {
    mutationId: randomUUID(),
    table,
    operation: write.operation,
    data: validation.data,
    hlc: 'server',
    // A server write that is not a full create never creates a row by accident.
    complete: write.operation === 'create' && validation.complete,
    requireLive: options.requireLive,
  };
}
