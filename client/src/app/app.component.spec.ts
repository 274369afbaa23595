import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { AppComponent } from './app.component';
import { setUpFakeSync } from './data/testing/fake-sync-setup';

describe('AppComponent', () => {
  async function render(signedIn: boolean): Promise<HTMLElement> {
    const sync = setUpFakeSync(signedIn ? undefined : null);
    TestBed.configureTestingModule({
      imports: [AppComponent],
      providers: [
        ...sync.providers,
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  it('shows only the brand to signed-out visitors', async () => {
    const element = await render(false);
    expect(element.querySelector('header')?.textContent).toContain('FinWise');
    expect(element.querySelector('nav')).toBeNull();
    expect(element.querySelector('fw-sync-indicator')).toBeNull();
  });

  it('gives signed-in users the main navigation and the sync indicator', async () => {
    const element = await render(true);
    const links = [...element.querySelectorAll('nav[aria-label="Main"] a')].map((link) =>
      link.textContent?.trim(),
    );
    expect(links.slice(0, 4)).toEqual(['Accounts', 'Budget', 'Reports', 'Categories']);
    expect(links.at(-1)).toBe('Settings');
    expect(element.querySelector('[role="status"][aria-label="Sync status"]')).not.toBeNull();
    expect(element.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
  });

  it('keeps the sync indicator and the first-load progress in the sticky top area', async () => {
    const element = await render(true);
    const top = element.querySelector('.app-top');
    expect(top?.hasAttribute('fwStickyOffset') || top?.matches('[fwstickyoffset]')).toBe(true);
    expect(top?.querySelector('[role="status"][aria-label="Sync status"]')).not.toBeNull();
    expect(top?.querySelector('fw-load-progress')).not.toBeNull();
    expect(top?.nextElementSibling?.id).toBe('main');
  });
});
