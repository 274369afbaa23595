import type { NormalizedOptions } from './normalize-options';

/**
 * What to run after generating. The generator cannot do these itself: the API documents are
 * taken from a running server build, and the tests need the whole workspace.
 */
export function nextSteps(o: NormalizedOptions): string {
  return [
    `Added the synced entity ${o.modelName}. Next:`,
    '  npm run docs    # regenerate docs/openapi.json and docs/asyncapi.json (CI checks them)',
    '  npm test        # the new tests run with all the others',
    `  npm start       # it syncs at once: open /${o.fileName}, or use /api/${o.modelName}`,
    `Then refine what a generator cannot know, such as the screen at client/src/app/${o.fileName}/ (see docs/adding-an-entity.md).`,
  ].join('\n');
}
