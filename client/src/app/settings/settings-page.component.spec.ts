import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AuthService } from '../data/auth/auth.service';
import { SyncClientService } from '../data/sync-client/sync-client.service';
import type { FakeSyncClient } from '../data/testing/fake-sync-client';
import { TEST_SESSION } from '../data/testing/fake-sync-setup';
import { renderPage } from '../testing/page-harness';
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
    // In the app's locale (the tests pin en-US), whatever the machine's.
    expect(page.text()).toMatch(/Valid until Dec 1, 2026, \d{1,2}:\d{2}\s?[AP]M\./);
  });

  it('lists the households of the user and switches to another after the password', async () => {
    const page = await renderPage(SettingsPageComponent);
    const http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const babbage = { id: '7a1c1a86-2f2e-4a43-9a40-1e7bb1f0c009', name: 'Babbage', role: 'member' };
    http.expectOne('/api/auth/me').flush({
      userId: TEST_SESSION.user.id,
      tenantId: TEST_SESSION.tenant.id,
      tenants: [{ ...TEST_SESSION.tenant, role: 'owner' }, babbage],
    });
    await page.settle();
    expect(page.text()).toMatch(/Lovelace · owner\s*Open now/);
    expect(page.text()).toContain('Babbage · member');

    await page.click(/^Switch to Babbage/);
    await page.click('Switch household');
    expect(page.text()).toContain('Enter your password.');
    http.expectNone('/api/auth/login');

    await page.type('Your password, to open Babbage', 'correct horse');
    await page.click('Switch household');
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({
      email: TEST_SESSION.user.email,
      password: 'correct horse',
      tenantId: babbage.id,
    });
    login.flush({
      ...TEST_SESSION,
      accessToken: 'access-b',
      refreshToken: 'refresh-b',
      tenant: { id: babbage.id, name: babbage.name },
    });
    await page.settle();

    expect(http.expectOne('/api/auth/logout').request.body).toEqual({
      refreshToken: TEST_SESSION.refreshToken,
    });
    expect(TestBed.inject(AuthService).session()?.tenant.name).toBe('Babbage');
    // The old household's client stops (its outbox stays on disk); one for the new one starts.
    expect(page.client.stopped).toBe(true);
    const client = TestBed.inject(SyncClientService).client() as FakeSyncClient | null;
    expect(client?.options.tenantId).toBe(babbage.id);
    expect(navigate).toHaveBeenCalledWith('/accounts');
  });

  it("shows the server's refusal of a wrong password", async () => {
    const page = await renderPage(SettingsPageComponent);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/auth/me').flush({
      tenants: [
        { ...TEST_SESSION.tenant, role: 'owner' },
        { id: '7a1c1a86-2f2e-4a43-9a40-1e7bb1f0c009', name: 'Babbage', role: 'member' },
      ],
    });
    await page.settle();
    await page.click(/^Switch to Babbage/);
    await page.type('Your password, to open Babbage', 'wrong one');
    await page.click('Switch household');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await page.settle();
    expect(page.text()).toContain('Invalid email or password');
    expect(TestBed.inject(AuthService).session()?.tenant.name).toBe('Lovelace');
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
