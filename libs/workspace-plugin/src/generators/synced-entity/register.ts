import type { Tree } from '@nx/devkit';
import type { NormalizedOptions } from './normalize-options';
import { PATHS } from './paths';
import { addNamedImport, appendLine, appendToArray, bumpNumber } from './source-edits';

/**
 * Adds the entity to the few lists that enumerate entities. The sync engine itself is never
 * edited: the gateway, merge, feed, pull, Dexie schema and API documents read these lists.
 */
export function register(tree: Tree, o: NormalizedOptions): void {
  addNamedImport(tree, PATHS.domainRegistry, o.constName, `./entities/${o.fileName}`);
  appendToArray(tree, PATHS.domainRegistry, 'SYNCED_ENTITIES', o.constName);
  // A new table changes the client's IndexedDB schema.
  bumpNumber(tree, PATHS.domainRegistry, 'CLIENT_SCHEMA_VERSION');
  appendLine(tree, PATHS.domainIndex, `export * from './lib/entities/${o.fileName}';`);

  const module = `${o.pluralClassName}Module`;
  addNamedImport(tree, PATHS.serverEntityIndex, module, `./${o.fileName}/${o.fileName}.module`);
  appendToArray(tree, PATHS.serverEntityIndex, 'SYNCED_ENTITY_MODULES', module);

  if (o.screen) registerScreen(tree, o);

  const migration = `Create${o.pluralClassName}${o.timestamp}`;
  addNamedImport(tree, PATHS.migrationsIndex, migration, `./${o.timestamp}-create-${o.fileName}`);
  appendToArray(tree, PATHS.migrationsIndex, 'MIGRATIONS', migration);
}

/** The entity's page in the household's routes and menu. */
function registerScreen(tree: Tree, o: NormalizedOptions): void {
  appendToArray(
    tree,
    PATHS.clientRoutes,
    'HOUSEHOLD_ROUTES',
    `{ path: '${o.fileName}', title: '${o.pluralLabel} · FinWise', loadComponent: () => import('./${o.fileName}/${o.fileName}-page.component').then((m) => m.${o.pluralClassName}PageComponent) }`,
  );
  appendToArray(
    tree,
    PATHS.clientNav,
    'NAV_LINKS',
    `{ path: '/${o.fileName}', label: '${o.pluralLabel}' }`,
  );
}
