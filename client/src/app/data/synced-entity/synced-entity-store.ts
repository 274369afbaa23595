import type { Signal } from '@angular/core';
import type { Operation } from '@finwise/sync-protocol';
import type { SyncRow } from '@finwise/sync-client';
import type { FieldErrors } from '../../shared/validation/validation-messages';

/** What a store built with `withSyncedEntity` offers a screen that knows nothing else of it. */
export interface SyncedEntityStore {
  entities: Signal<readonly SyncRow[]>;
  loaded: Signal<boolean>;
  create(data: Record<string, unknown>): Promise<SyncRow>;
  update(id: string, patch: Record<string, unknown>): Promise<SyncRow>;
  remove(id: string): Promise<void>;
  validate(
    operation: Operation,
    data: object,
    labels: Readonly<Record<string, string>>,
  ): FieldErrors;
}
