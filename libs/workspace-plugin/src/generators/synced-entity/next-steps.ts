import type { NormalizedOptions } from './normalize-options';

/**
 * What to run after generating. The generator cannot do these itself: the API documents are
 * taken from a running server build, and the tests need the whole workspace.
 */
export function nextSteps(o: NormalizedOptions): string {
  if (!o.screen) {
    return [
      `Added the synced entity ${o.modelName} (no screen of its own). Next:`,
      '  npm run docs    # regenerate docs/openapi.json and docs/asyncapi.json (CI checks them)',
      '  npm test        # the new tests run with all the others',
      `  npm start       # it syncs at once: use /api/${o.modelName}, or its store in the app`,
      'Then give it its rules and use its store from the screens it belongs to (see docs/adding-an-entity.md).',
    ].join('\n');
  }
  return [
    `Added the synced entity ${o.modelName}. Next:`,
    '  npm run docs    # regenerate docs/openapi.json and docs/asyncapi.json (CI checks them)',
    '  npm test        # the new tests run with all the others',
    `  npm start       # it syncs at once: open /${o.fileName}, or use /api/${o.modelName}`,
    `Then refine what a generator cannot know, such as the screen at client/src/app/${o.fileName}/ (see docs/adding-an-entity.md).`,
  ].join('\n');
}
