import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { renderPage } from '../testing/page-harness';
import { TEST_SESSION } from '../sync/testing/fake-sync-setup';
import { SettingsPageComponent } from './settings-page.component';

describe('SettingsPageComponent', () => {
  it('creates an invite code and shows it with a join link', async () => {
    const page = await renderPage(SettingsPageComponent);
    expect(page.text()).toContain('Signed in as ada@example.com in the household Lovelace');

    await page.click('Create invite code');
    TestBed.inject(HttpTestingController)
      .expectOne(`/api/tenants/${TEST_SESSION.tenant.id}/invites`)
      .flush({ code: 'ABCD-1234', expiresAt: '2026-12-01T10:00:00.000Z' });
    await page.settle();

    expect(page.element.querySelector('[data-test="invite-code"]')?.textContent).toBe('ABCD-1234');
    expect(page.text()).toContain(`${window.location.origin}/join?code=ABCD-1234`);
  });

  it('warns about unsynced changes before deleting local data, then signs out', async () => {
    const page = await renderPage(SettingsPageComponent);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    page.client.setStatus({ pendingCount: 2 });
    await page.settle();
    expect(page.element.querySelector('[role="alert"]')).toBeNull();

    page.byLabel("Also delete this household's data from this device").click();
    await page.settle();
    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain(
      '2 changes have not been synced yet and will be lost',
    );

    await page.click('Sign out');
    expect(page.client.clearedLocalData).toBe(true);
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/login');
  });
});
