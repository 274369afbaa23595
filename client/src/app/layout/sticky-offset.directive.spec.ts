import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { STICKY_OFFSET_PROPERTY, StickyOffsetDirective } from './sticky-offset.directive';

@Component({
  imports: [StickyOffsetDirective],
  template: '<div fwStickyOffset>bar</div>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {}

describe('StickyOffsetDirective', () => {
  const original = window.ResizeObserver;
  let notify: () => void = () => undefined;

  beforeEach(() => {
    window.ResizeObserver = class {
      constructor(callback: () => void) {
        notify = callback;
      }
      observe(): void {
        notify();
      }
      unobserve(): void {
        // Nothing to stop in the stub.
      }
      disconnect(): void {
        // Nothing to stop in the stub.
      }
    } as unknown as typeof ResizeObserver;
  });

  afterEach(() => {
    window.ResizeObserver = original;
  });

  it('publishes the height of the sticky area for scroll padding, and removes it when gone', () => {
    const fixture = TestBed.createComponent(HostComponent);
    const bar: HTMLElement = fixture.nativeElement.querySelector('div');
    Object.defineProperty(bar, 'offsetHeight', { configurable: true, value: 84 });
    notify();
    expect(document.documentElement.style.getPropertyValue(STICKY_OFFSET_PROPERTY)).toBe('84px');

    fixture.destroy();
    expect(document.documentElement.style.getPropertyValue(STICKY_OFFSET_PROPERTY)).toBe('');
  });
});
