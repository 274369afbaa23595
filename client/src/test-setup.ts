import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { FakeLockManager } from './app/data/testing/fake-web-locks';

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });

// jsdom does no layout, so it has no scrolling API; screens call it to bring forms into view.
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {
  return undefined;
};

// jsdom has no Web Locks; the app refreshes tokens under one (see data/auth/refresh-lock.ts).
if (!('locks' in navigator)) {
  Object.defineProperty(navigator, 'locks', { value: new FakeLockManager(), configurable: true });
}

// jsdom draws nothing: without the `canvas` package its getContext only logs "not implemented".
// Charts then stay blank (ng2-charts skips a canvas without a context); specs check the charts'
// data and the tables that carry the same numbers.
HTMLCanvasElement.prototype.getContext = function getContext(): null {
  return null;
} as typeof HTMLCanvasElement.prototype.getContext;
