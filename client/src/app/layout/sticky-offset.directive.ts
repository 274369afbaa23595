import { DOCUMENT } from '@angular/common';
import { DestroyRef, Directive, ElementRef, inject } from '@angular/core';

export const STICKY_OFFSET_PROPERTY = '--fw-sticky-offset';

/**
 * Publishes the height of the sticky top area as a CSS property on the page root. The global
 * `scroll-padding-top` uses it, so focusing or scrolling to a field or register row never
 * leaves it hidden under the sync bar, whatever notices the bar shows at the moment.
 */
@Directive({ selector: '[fwStickyOffset]' })
export class StickyOffsetDirective {
  constructor() {
    const host: HTMLElement = inject(ElementRef).nativeElement;
    const root = inject(DOCUMENT).documentElement;
    const view = root.ownerDocument.defaultView;
    if (!view || typeof view.ResizeObserver !== 'function') {
      return;
    }
    const observer = new view.ResizeObserver(() =>
      root.style.setProperty(STICKY_OFFSET_PROPERTY, `${host.offsetHeight}px`),
    );
    observer.observe(host);
    inject(DestroyRef).onDestroy(() => {
      observer.disconnect();
      root.style.removeProperty(STICKY_OFFSET_PROPERTY);
    });
  }
}
