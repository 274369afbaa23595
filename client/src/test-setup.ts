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
