import { DOCUMENT } from '@angular/common';
import { afterNextRender, DestroyRef, inject, Injector } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRouteSnapshot, NavigationEnd, Route, Router } from '@angular/router';
import { filter } from 'rxjs';

/** How long a page may take to show its heading (the register waits for its account's row). */
export const HEADING_WAIT_MS = 5_000;

/**
 * A screen reader hears nothing when a single-page app swaps screens, and a keyboard user would
 * go on tabbing from the link they left. So after each navigation to another screen, focus
 * moves to the new screen's h1 (made focusable with tabindex="-1"): its name is announced and
 * the next Tab goes on from the top of the new content. A screen that has no h1 in time gets
 * focus on the main element instead.
 *
 * Not on the first load: the browser starts at the top of the document by itself, and focusing
 * the heading there would only take focus from a field the page focuses for the user. Not when
 * only the parameters of the same route change (paging budget months): the page stays, and so
 * does focus on the paging link, so that it can be pressed again (unless focus was lost with
 * what the page re-rendered). And never when something else took focus in the meantime (a page
 * that focuses its first field, a dialog): that was deliberate.
 *
 * Call once, in the root component's constructor.
 */
export function focusHeadingAfterNavigation(): void {
  const router = inject(Router);
  const document = inject(DOCUMENT);
  const injector = inject(Injector);
  const destroyRef = inject(DestroyRef);
  /** The route of the screen shown; undefined before the first navigation ended. */
  let screen: Route | null | undefined = undefined;
  let stopWaiting: (() => void) | null = null;
  destroyRef.onDestroy(() => stopWaiting?.());

  router.events
    .pipe(
      filter((event) => event instanceof NavigationEnd),
      takeUntilDestroyed(destroyRef),
    )
    .subscribe(() => {
      const next = shownRoute(router.routerState.snapshot.root);
      const first = screen === undefined;
      const sameScreen = next === screen;
      screen = next;
      if (first) return;
      stopWaiting?.();
      const focusedBefore = document.activeElement;
      afterNextRender(
        () => {
          if (sameScreen && !focusLost(document)) return;
          stopWaiting = whenHeadingShows(document, (target) => {
            stopWaiting = null;
            if (focusLost(document) || document.activeElement === focusedBefore) {
              focusHeading(target);
            }
          });
        },
        { injector },
      );
    });
}

/** The route shown in the primary outlet: its deepest route's configuration. */
function shownRoute(root: ActivatedRouteSnapshot): Route | null {
  let route = root;
  while (route.firstChild) route = route.firstChild;
  return route.routeConfig;
}

/**
 * Calls `found` with the main element's h1 as soon as it is in the document, or with the main
 * element itself once HEADING_WAIT_MS have passed without one. Returns a function that stops
 * waiting.
 */
function whenHeadingShows(document: Document, found: (target: HTMLElement) => void): () => void {
  const main = document.getElementById('main');
  if (!main) return () => undefined;
  const heading = () => main.querySelector('h1');
  const now = heading();
  if (now) {
    found(now);
    return () => undefined;
  }
  const view = document.defaultView;
  const observer = view ? new view.MutationObserver(check) : null;
  const timer = setTimeout(() => finish(main), HEADING_WAIT_MS);
  observer?.observe(main, { childList: true, subtree: true });
  function check(): void {
    const shown = heading();
    if (shown) finish(shown);
  }
  function stop(): void {
    observer?.disconnect();
    clearTimeout(timer);
  }
  function finish(target: HTMLElement): void {
    stop();
    found(target);
  }
  return stop;
}

/** Nothing has focus: the element that had it went away with the page it was on. */
function focusLost(document: Document): boolean {
  const now = document.activeElement;
  return now === null || now === document.body;
}

function focusHeading(target: HTMLElement): void {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}
