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

// jsdom's Blob has no arrayBuffer(); the import page reads a picked bank file with it.
if (!('arrayBuffer' in Blob.prototype)) {
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    configurable: true,
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

// jsdom draws nothing: without the `canvas` package its getContext only logs "not implemented".
// Charts then stay blank (ng2-charts skips a canvas without a context); specs check the charts'
// data and the tables that carry the same numbers.
HTMLCanvasElement.prototype.getContext = function getContext(): null {
  return null;
} as typeof HTMLCanvasElement.prototype.getContext;
