import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { EDITED_FILES, PATHS } from '../paths';

/** The root of this repository, whose real files the specs read. */
export const WORKSPACE = join(__dirname, '../../../../../..');

export function readWorkspaceFile(path: string): string {
  return readFileSync(join(WORKSPACE, path), 'utf-8');
}

/**
 * An empty workspace with this repository's prettier config, so `formatFiles` writes exactly
 * what it writes here (printWidth 100, single quotes).
 */
export function formattedTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('.prettierrc', readWorkspaceFile('.prettierrc'));
  return tree;
}

/** Files whose names the generator reads to refuse clashes: definitions, tables, REST paths. */
const READ_FILES = [
  PATHS.clientAppRoutes,
  'libs/domain/src/lib/synced-entity.ts',
  'libs/domain/src/lib/field-types.ts',
  'server/src/app/auth/auth.controller.ts',
  'server/src/app/auth/tenants.controller.ts',
  'server/src/app/health/health.controller.ts',
  'server/src/app/sync/sync.controller.ts',
];

/**
 * The real registration files and the sources the clash checks read, copied from this
 * repository so the specs follow them as they evolve.
 */
export function workspaceTree(): Tree {
  const tree = formattedTree();
  const entityFiles = [PATHS.domainEntities, PATHS.migrations].flatMap((dir) =>
    readdirSync(join(WORKSPACE, dir))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `${dir}/${file}`),
  );
  for (const path of new Set([...EDITED_FILES, ...READ_FILES, ...entityFiles])) {
    tree.write(path, readWorkspaceFile(path));
  }
  return tree;
}
