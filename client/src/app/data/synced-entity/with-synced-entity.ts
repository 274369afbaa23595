import { computed, DestroyRef, effect, inject, untracked } from '@angular/core';
import { findEntity, validateMutationData } from '@finwise/domain';
import type { Operation } from '@finwise/sync-protocol';
import type { CreateInput, SyncRow, SyncTable, UpdatePatch } from '@finwise/sync-client';
import {
  patchState,
  signalStoreFeature,
  withHooks,
  withMethods,
  withProps,
  withState,
} from '@ngrx/signals';
import { removeAllEntities, setAllEntities, withEntities } from '@ngrx/signals/entities';
import { fieldErrors, type FieldErrors } from '../../shared/validation/validation-messages';
import { LiveRowsService } from '../sync-client/live-rows.service';
import { SyncClientService } from '../sync-client/sync-client.service';
import { HeldDeletes } from '../held-deletes/held-deletes';

/**
 * A signal store feature mirroring one synced entity of the signed-in household: entities
 * come from the sync client's live query (local writes, other tabs and other devices alike),
 * writes go through the client (stored locally, queued, synced). Switching household swaps
 * the rows; signing out empties the store. Rows whose delete waits for its Undo are left out.
 */
export function withSyncedEntity<Entity extends SyncRow>(modelName: string) {
  const definition = findEntity(modelName);
  if (!definition) {
    throw new Error(`Unknown synced entity: ${modelName}`);
  }
  return signalStoreFeature(
    withEntities<Entity>(),
    // Whether the local database has answered for this household (an empty list is then real).
    withState({ loaded: false }),
    withProps(() => ({
      _syncClient: inject(SyncClientService),
      _liveRows: inject(LiveRowsService),
      _heldDeletes: inject(HeldDeletes),
    })),
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
    withHooks({
      onInit(store) {
        let latest: readonly SyncRow[] | null = null;
        const held = computed(() => store._heldDeletes.byModel().get(modelName));
        const show = (hidden: ReadonlySet<string> | undefined) => {
          const rows = latest && hidden ? latest.filter((row) => !hidden.has(row.id)) : latest;
          patchState(store, rows ? setAllEntities(rows as Entity[]) : removeAllEntities(), {
            loaded: rows !== null,
          });
        };
        const stop = store._liveRows.listen(modelName, (rows) => {
          latest = rows;
          show(untracked(held));
        });
        // A hold that starts or ends changes what is shown without any row changing.
        effect(() => {
          const hidden = held();
          untracked(() => show(hidden));
        });
        inject(DestroyRef).onDestroy(stop);
      },
    }),
  );
}
