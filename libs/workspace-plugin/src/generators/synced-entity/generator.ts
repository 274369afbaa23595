import { formatFiles, generateFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { normalizeOptions, type NormalizedOptions } from './normalize-options';
import type { SyncedEntityGeneratorSchema } from './schema';
import { addNamedImport, appendLine, appendToArray, bumpNumber } from './source-edits';

export const PATHS = {
  domainRegistry: 'libs/domain/src/lib/registry.ts',
  domainIndex: 'libs/domain/src/index.ts',
  domainEntities: 'libs/domain/src/lib/entities',
  serverEntities: 'server/src/app/entities',
  serverEntityIndex: 'server/src/app/entities/index.ts',
  migrationsIndex: 'server/src/app/database/migrations/index.ts',
  clientRoutes: 'client/src/app/household.routes.ts',
  clientNav: 'client/src/app/nav-links.ts',
};

export class EntityExistsError extends Error {}

/**
 * `nx g @finwise/workspace-plugin:synced-entity <name> --fields "..."`: everything a synced
 * entity needs, in one step. The sync engine itself is never edited; the entity is registered
 * in the few lists that enumerate entities.
 */
export async function syncedEntityGenerator(
  tree: Tree,
  schema: SyncedEntityGeneratorSchema,
): Promise<GeneratorCallback> {
  const options = normalizeOptions(schema);
  assertNew(tree, options);
  generateFiles(tree, join(__dirname, 'files'), '.', { ...options, tmpl: '' });
  register(tree, options);
  if (!schema.skipFormat) await formatFiles(tree);
  return () => {
    logger.info(
      `Added the synced entity ${options.modelName}. Run \`npm test\`, then \`npm start\`: it syncs at once.`,
    );
  };
}

function assertNew(tree: Tree, o: NormalizedOptions): void {
  const registry = tree.read(PATHS.domainRegistry, 'utf-8');
  if (registry === null)
    throw new Error(`${PATHS.domainRegistry} not found: run this in the FinWise workspace`);
  const clashes = [
    `${PATHS.domainEntities}/${o.fileName}.ts`,
    `${PATHS.serverEntities}/${o.fileName}`,
  ].filter((path) => tree.exists(path));
  const index = tree.read(PATHS.domainIndex, 'utf-8') ?? '';
  if (clashes.length > 0 || index.includes(`/entities/${o.fileName}'`)) {
    throw new EntityExistsError(
      `The entity ${o.modelName} already exists (${clashes.join(', ') || PATHS.domainIndex})`,
    );
  }
  const modelNames = [...tree.children(PATHS.domainEntities)]
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => tree.read(`${PATHS.domainEntities}/${file}`, 'utf-8') ?? '');
  if (modelNames.some((text) => text.includes(`modelName: '${o.modelName}'`))) {
    throw new EntityExistsError(`The entity ${o.modelName} already exists`);
  }
}

function register(tree: Tree, o: NormalizedOptions): void {
  addNamedImport(tree, PATHS.domainRegistry, o.constName, `./entities/${o.fileName}`);
  appendToArray(tree, PATHS.domainRegistry, 'SYNCED_ENTITIES', o.constName);
  // A new table changes the client's IndexedDB schema.
  bumpNumber(tree, PATHS.domainRegistry, 'CLIENT_SCHEMA_VERSION');
  appendLine(tree, PATHS.domainIndex, `export * from './lib/entities/${o.fileName}';`);

  addNamedImport(
    tree,
    PATHS.serverEntityIndex,
    `${o.pluralClassName}Module`,
    `./${o.fileName}/${o.fileName}.module`,
  );
  appendToArray(
    tree,
    PATHS.serverEntityIndex,
    'SYNCED_ENTITY_MODULES',
    `${o.pluralClassName}Module`,
  );

  appendToArray(
    tree,
    PATHS.clientRoutes,
    'HOUSEHOLD_ROUTES',
    `{ path: '${o.fileName}', title: '${o.pluralLabel} · FinWise', loadComponent: () => import('./${o.fileName}/${o.fileName}-page.component').then((m) => m.${o.pluralClassName}PageComponent) }`,
  );
  appendToArray(tree, PATHS.clientNav, 'NAV_LINKS', `{ path: '/${o.fileName}', label: '${o.pluralLabel}' }`);

  const migration = `Create${o.pluralClassName}${o.timestamp}`;
  addNamedImport(tree, PATHS.migrationsIndex, migration, `./${o.timestamp}-create-${o.fileName}`);
  appendToArray(tree, PATHS.migrationsIndex, 'MIGRATIONS', migration);
}

export default syncedEntityGenerator;
