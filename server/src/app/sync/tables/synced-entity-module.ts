import { Module, type Type } from '@nestjs/common';
import type { SyncedEntityDefinition } from '@finwise/domain';
import type { SyncedRowEntity } from './synced-row.entity';

export interface SyncedTableRegistration {
  definition: SyncedEntityDefinition;
  /** The TypeORM entity class of the entity's table. */
  table: Type<SyncedRowEntity>;
}

const REGISTRATION = Symbol('finwise:synced-entity');

/**
 * Declares a Nest module as the home of one synced entity: its table joins the sync engine
 * (push, pull, broadcast) and its REST controller is mounted. Listing the module in
 * `entities/index.ts` is all an entity needs; the engine itself never changes.
 */
export function SyncedEntityModule(
  registration: SyncedTableRegistration & { controllers: Type<unknown>[] },
): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(
      REGISTRATION,
      { definition: registration.definition, table: registration.table },
      target,
    );
    Module({ controllers: registration.controllers })(target);
  };
}

export function syncedTableOf(module: Type<unknown>): SyncedTableRegistration {
  const registration = Reflect.getMetadata(REGISTRATION, module) as
    SyncedTableRegistration | undefined;
  if (!registration) throw new Error(`${module.name} is not declared with @SyncedEntityModule`);
  return registration;
}
