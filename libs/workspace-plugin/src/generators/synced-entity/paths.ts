import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NormalizedOptions } from './normalize-options';

/** The files of the workspace the generator edits or reads. */
export const PATHS = {
  domainRegistry: 'libs/domain/src/lib/registry.ts',
  domainIndex: 'libs/domain/src/index.ts',
  domainEntities: 'libs/domain/src/lib/entities',
  serverEntities: 'server/src/app/entities',
  serverEntityIndex: 'server/src/app/entities/index.ts',
  migrations: 'server/src/app/database/migrations',
  migrationsIndex: 'server/src/app/database/migrations/index.ts',
  clientRoutes: 'client/src/app/household.routes.ts',
  clientAppRoutes: 'client/src/app/app.routes.ts',
  clientNav: 'client/src/app/nav-links.ts',
};

/** Every registration file the generator edits, in the order it edits them. */
export const EDITED_FILES = [
  PATHS.domainRegistry,
  PATHS.domainIndex,
  PATHS.serverEntityIndex,
  PATHS.clientRoutes,
  PATHS.clientNav,
  PATHS.migrationsIndex,
];

/** Where the source trees are whose exported names a new entity must not repeat. */
export const SOURCE_ROOTS = [
  'libs/domain/src',
  'libs/sync-protocol/src',
  'libs/sync-client/src',
  'server/src',
  'client/src',
];

export const TEMPLATES = join(__dirname, 'files');

/** The entity's own page and its spec: left out with `--no-screen`. */
export const SCREEN_TEMPLATES = join(__dirname, 'screen-files');

/** The paths `generateFiles` writes for these options, read from the templates themselves. */
export function generatedFilePaths(o: NormalizedOptions): string[] {
  const substitutions: Record<string, string> = {
    __fileName__: o.fileName,
    __singularFileName__: o.singularFileName,
    __timestamp__: String(o.timestamp),
    __tmpl__: '',
  };
  return [...templateFiles(TEMPLATES), ...(o.screen ? templateFiles(SCREEN_TEMPLATES) : [])]
    .map((file) => file.replace(/__[a-zA-Z]+__/g, (key) => substitutions[key] ?? key))
    .sort();
}

function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry}` : entry;
    return statSync(join(dir, entry)).isDirectory()
      ? templateFiles(join(dir, entry), path)
      : [path];
  });
}
