import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, RouterLink, RouterOutlet } from '@angular/router';
import { focusHeadingAfterNavigation } from './page-heading-focus';

@Component({
  template: `<h1>First</h1>
    <a routerLink="/second">Second</a>`,
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FirstPage {}

@Component({
  template: `<h1>Second</h1>
    <a routerLink="/first">First</a>`,
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class SecondPage {}

/** Whether the slow page's data has come, as the test decides. */
const slowData = signal(false);

/** A page whose heading shows once its data has loaded. */
@Component({
  template: `@if (loaded()) {
      <h1>Loaded</h1>
    } @else {
      <p>Loading…</p>
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class SlowPage {
  protected readonly loaded = slowData;
}

/** A page that puts focus in its first field itself. */
@Component({
  template: `<h1>Form</h1>
    <input id="first-field" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FocusingPage {
  constructor() {
    queueMicrotask(() => document.getElementById('first-field')?.focus());
  }
}

@Component({
  template: `<nav><a id="nav-first" routerLink="/first">First</a></nav>
    <main id="main" tabindex="-1"><router-outlet /></main>`,
  imports: [RouterOutlet, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Shell {
  constructor() {
    focusHeadingAfterNavigation();
  }
}

describe('focusHeadingAfterNavigation', () => {
  async function start(firstUrl: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'first', component: FirstPage },
          { path: 'second', component: SecondPage },
          { path: 'slow', component: SlowPage },
          { path: 'form', component: FocusingPage },
          { path: 'month/:month', component: SecondPage },
        ]),
      ],
    });
    const fixture = TestBed.createComponent(Shell);
    document.body.appendChild(fixture.nativeElement);
    const router = TestBed.inject(Router);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    };
    const go = async (url: string) => {
      await router.navigateByUrl(url);
      await settle();
    };
    await go(firstUrl);
    const element: HTMLElement = fixture.nativeElement;
    return { element, go, settle };
  }

  afterEach(() => {
    slowData.set(false);
    document.body.innerHTML = '';
  });

  it('leaves focus alone on the first load', async () => {
    const { element } = await start('/first');
    expect(element.querySelector('h1')?.textContent).toBe('First');
    expect(document.activeElement).toBe(document.body);
  });

  it('focuses the new page heading after a navigation, making it focusable', async () => {
    const { element, go } = await start('/first');
    element.querySelector<HTMLElement>('#nav-first')?.focus();
    await go('/second');
    const heading = element.querySelector('h1');
    expect(heading?.textContent).toBe('Second');
    expect(document.activeElement).toBe(heading);
    expect(heading?.getAttribute('tabindex')).toBe('-1');
  });

  it('waits for a heading that shows once the page has loaded', async () => {
    const { element, go, settle } = await start('/first');
    await go('/slow');
    expect(element.querySelector('h1')).toBeNull();
    slowData.set(true);
    await settle();
    expect(element.querySelector('h1')?.textContent).toBe('Loaded');
    expect(document.activeElement).toBe(element.querySelector('h1'));
  });

  it('keeps focus on the paging link when only the parameters of a route change', async () => {
    const { element, go } = await start('/first');
    await go('/month/2025-06');
    const link = element.querySelector<HTMLElement>('#nav-first');
    link?.focus();
    await go('/month/2025-07');
    expect(document.activeElement).toBe(link);
  });

  it('does not take focus from a field the new page focused itself', async () => {
    const { go } = await start('/first');
    await go('/form');
    expect(document.activeElement?.id).toBe('first-field');
  });
});
