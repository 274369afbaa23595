import type { Tree } from '@nx/devkit';
import type { NormalizedOptions } from './normalize-options';
import { generatedFilePaths, PATHS, SOURCE_ROOTS } from './paths';
import { RESERVED_ENTITY_NAMES, SCREEN, TEMPLATE_IMPORTED_NAMES } from './reserved-names';

/** The entity, or a file the generator would write, is already there. */
export class EntityExistsError extends Error {}

/** The name, a route or a derived class or type name is already used by something else. */
export class NameClashError extends Error {}

/**
 * Refuses before anything is written, so a refused run leaves the workspace untouched: the
 * generator never overwrites a file, and no name it derives may already mean something else.
 */
export function assertNew(tree: Tree, o: NormalizedOptions): void {
  if (!tree.exists(PATHS.domainRegistry))
    throw new Error(`${PATHS.domainRegistry} not found: run this in the FinWise workspace`);
  assertEntityIsNew(tree, o);
  assertNameIsFree(tree, o);
  if (o.screen) assertRouteIsFree(tree, o);
  assertExportsAreFree(tree, o);
}

function assertEntityIsNew(tree: Tree, o: NormalizedOptions): void {
  const definitions = tsFiles(tree, PATHS.domainEntities).map((path) => read(tree, path));
  if (definitions.some((text) => text.includes(`modelName: '${o.modelName}'`)))
    throw new EntityExistsError(`The entity ${o.modelName} already exists in libs/domain`);
  const existing = [
    ...generatedFilePaths(o),
    `${PATHS.serverEntities}/${o.fileName}`,
    ...(o.screen ? [`client/src/app/${o.fileName}`] : []),
  ].filter((path) => tree.exists(path));
  const migration = tree
    .children(PATHS.migrations)
    .find((file) => file.endsWith(`-create-${o.fileName}.ts`));
  if (migration !== undefined) existing.push(`${PATHS.migrations}/${migration}`);
  if (existing.length > 0) {
    throw new EntityExistsError(
      `The entity ${o.modelName} already exists, or files it needs do: ${existing.join(', ')}`,
    );
  }
}

function assertNameIsFree(tree: Tree, o: NormalizedOptions): void {
  const reserved = RESERVED_ENTITY_NAMES[o.modelName];
  // A name taken only by a screen of the app is free for an entity without one.
  if (reserved !== undefined && (o.screen || reserved !== SCREEN))
    throw new NameClashError(`"${o.modelName}" is taken: it is ${reserved}`);
  const tables = tsFiles(tree, PATHS.migrations).flatMap((path) =>
    matches(read(tree, path), /CREATE TABLE (?:IF NOT EXISTS )?"?([a-z0-9_]+)"?/g),
  );
  if (tables.includes(o.modelName))
    throw new NameClashError(`"${o.modelName}" is taken: a migration already creates that table`);
  const controllers = tsFiles(tree, 'server/src').flatMap((path) =>
    matches(read(tree, path), /@Controller\('([^']+)'\)/g),
  );
  if (controllers.includes(o.modelName))
    throw new NameClashError(
      `"${o.modelName}" is taken: the server already serves /api/${o.modelName}`,
    );
}

function assertRouteIsFree(tree: Tree, o: NormalizedOptions): void {
  const routes = [PATHS.clientRoutes, PATHS.clientAppRoutes]
    .filter((path) => tree.exists(path))
    .flatMap((path) => matches(read(tree, path), /path: '([^']*)'/g))
    .map((path) => path.split('/')[0]);
  const links = matches(read(tree, PATHS.clientNav), /path: '\/([^'/]*)/g);
  if (routes.includes(o.fileName) || links.includes(o.fileName)) {
    throw new NameClashError(
      `"${o.modelName}" is taken: the app already has a screen at /${o.fileName}`,
    );
  }
}

function assertExportsAreFree(tree: Tree, o: NormalizedOptions): void {
  const exported = new Map<string, string>();
  for (const root of SOURCE_ROOTS) {
    for (const path of tsFiles(tree, root)) {
      for (const name of matches(read(tree, path), EXPORTED_NAME)) exported.set(name, path);
    }
  }
  for (const name of o.exportedNames) {
    const where =
      exported.get(name) ?? (TEMPLATE_IMPORTED_NAMES.has(name) ? 'a framework import' : undefined);
    if (where !== undefined) {
      throw new NameClashError(
        `"${o.modelName}" would export ${name}, which ${where} already defines; pick another name`,
      );
    }
  }
}

const EXPORTED_NAME =
  /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:const|let|var|type|interface|class|function\*?|enum)\s+([A-Za-z_$][\w$]*)/gm;

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]);
}

function read(tree: Tree, path: string): string {
  return tree.read(path, 'utf-8') ?? '';
}

/** TypeScript sources below `dir`, without dependencies or build output. */
function tsFiles(tree: Tree, dir: string): string[] {
  if (!tree.exists(dir)) return [];
  if (tree.isFile(dir)) return dir.endsWith('.ts') ? [dir] : [];
  return tree
    .children(dir)
    .filter((child) => child !== 'node_modules' && child !== 'dist')
    .flatMap((child) => tsFiles(tree, `${dir}/${child}`));
}
