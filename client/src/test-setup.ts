import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });

// jsdom does no layout, so it has no scrolling API; screens call it to bring forms into view.
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {
  return undefined;
};
