import type { SyncedEntityDefinition } from './synced-entity';
import { accountGroups } from './entities/account-groups';
import { accounts } from './entities/accounts';
import { budgets } from './entities/budgets';
import { categories } from './entities/categories';
import { transactions } from './entities/transactions';
import { settings } from './entities/settings';
import { payees } from './entities/payees';
import { budgetMoves } from './entities/budget-moves';
import { budgetMonths } from './entities/budget-months';
import { reconciliations } from './entities/reconciliations';
import { importSettings } from './entities/import-settings';

/**
 * Every synced entity. The server's sync engine, the client's Dexie schema and the docs are
 * all derived from this list: adding an entity means adding it here (the generator does).
 */
export const SYNCED_ENTITIES: readonly SyncedEntityDefinition[] = [
  accountGroups,
  accounts,
  categories,
  transactions,
  budgets,
  settings,
  payees,
  budgetMoves,
  budgetMonths,
  reconciliations,
  importSettings,
];

/** Bumped whenever the list above or an entity's client indexes change (client IndexedDB schema). */
export const CLIENT_SCHEMA_VERSION = 7;

const byModelName = new Map(SYNCED_ENTITIES.map((entity) => [entity.modelName, entity]));

export function findEntity(modelName: unknown): SyncedEntityDefinition | undefined {
  return typeof modelName === 'string' ? byModelName.get(modelName) : undefined;
}
