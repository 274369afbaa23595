import { generateFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { assertNew } from './assert-new';
import { formatOnce } from './format-once';
import { nextSteps } from './next-steps';
import { normalizeOptions, type NormalizedOptions } from './normalize-options';
import { SCREEN_TEMPLATES, TEMPLATES } from './paths';
import { register } from './register';
import type { SyncedEntityGeneratorSchema } from './schema';

export { EntityExistsError, NameClashError } from './assert-new';
export { PATHS } from './paths';

/**
 * `nx g @finwise/workspace-plugin:synced-entity <name> --fields "..."`: everything a synced
 * entity needs, in one step; see docs/adding-an-entity.md.
 */
export async function syncedEntityGenerator(
  tree: Tree,
  schema: SyncedEntityGeneratorSchema,
): Promise<GeneratorCallback> {
  const options = normalizeOptions(schema);
  assertNew(tree, options);
  writeEntityFiles(tree, options);
  register(tree, options);
  if (!schema.skipFormat) await formatOnce(tree);
  return () => logger.info(nextSteps(options));
}

/** The entity's own files (not the registrations), exactly as every synced entity has them. */
export function writeEntityFiles(tree: Tree, options: NormalizedOptions): void {
  generateFiles(tree, TEMPLATES, '.', { ...options, tmpl: '' });
  if (options.screen) generateFiles(tree, SCREEN_TEMPLATES, '.', { ...options, tmpl: '' });
}

export default syncedEntityGenerator;
