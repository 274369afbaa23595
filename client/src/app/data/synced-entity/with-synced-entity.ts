import { computed, inject, type Signal } from '@angular/core';
import { findEntity, validateMutationData } from '@finwise/domain';
import type { Operation } from '@finwise/sync-protocol';
import type { CreateInput, SyncRow, SyncTable, UpdatePatch } from '@finwise/sync-client';
import { signalStoreFeature, withComputed, withMethods, withProps } from '@ngrx/signals';
import { fieldErrors, type FieldErrors } from '../../shared/validation/validation-messages';
import { LiveRowsService } from '../sync-client/live-rows.service';
import { SyncClientService } from '../sync-client/sync-client.service';
import { HeldDeletes } from '../held-deletes/held-deletes';
import { rowLookup, type RowLookup } from './row-lookup';

/**
 * A signal store feature mirroring one synced entity of the signed-in household: entities
 * come from the sync client's live query (local writes, other tabs and other devices alike),
 * writes go through the client (stored locally, queued, synced). Switching household swaps
 * the rows; signing out empties the store. Rows whose delete waits for its Undo are left out.
 *
 * The rows are the live query's own array, derived, not copied into store state: an entity
 * state of `@ngrx/signals/entities` rebuilds or clones its id-keyed object on every change,
 * which at 100,000 transactions took 130–270 ms per edit before anything was drawn (see
 * bench/README.md, scenario 10). `byId` searches that array (see `rowLookup`).
 */
export function withSyncedEntity<Entity extends SyncRow>(modelName: string) {
  const definition = findEntity(modelName);
  if (!definition) {
    throw new Error(`Unknown synced entity: ${modelName}`);
  }
  return signalStoreFeature(
    withProps(() => ({
      _syncClient: inject(SyncClientService),
      _liveRows: inject(LiveRowsService),
      _heldDeletes: inject(HeldDeletes),
    })),
    withComputed((store) => {
      const live = store._liveRows.of(modelName) as Signal<readonly Entity[] | null>;
      const held = computed(() => store._heldDeletes.byModel().get(modelName));
      const entities = computed((): readonly Entity[] => {
        const rows = live() ?? [];
        const hidden = held();
        return hidden?.size ? rows.filter((row) => !hidden.has(row.id)) : rows;
      });
      return {
        /** Whether the local database has answered for this household (an empty list is then real). */
        loaded: computed(() => live() !== null),
        entities,
        byId: computed((): RowLookup<Entity> => rowLookup(entities())),
      };
    }),
    withMethods((store) => {
      const table = (): SyncTable<Entity> => {
        const client = store._syncClient.client();
        if (!client) {
          throw new Error('Sign in to change your household data.');
        }
        return client.table<Entity>(modelName);
      };
      return {
        create: async (data: CreateInput<Entity>): Promise<Entity> => table().create(data),
        /** A seeded row (deterministic id): written only when absent, never over another device's edit. */
        createIfAbsent: async (data: CreateInput<Entity> & { id: string }) =>
          table().createIfAbsent(data),
        update: async (id: string, patch: UpdatePatch<Entity>): Promise<Entity> =>
          table().update(id, patch),
        remove: async (id: string): Promise<void> => table().delete(id),
        /** The shared schema's verdict on a write, worded per field for a form. */
        validate: (
          operation: Operation,
          data: object,
          labels: Readonly<Record<string, string>>,
        ): FieldErrors => {
          const result = validateMutationData(definition, operation, data);
          return result.ok ? {} : fieldErrors(result.issues, labels);
        },
      };
    }),
  );
}
