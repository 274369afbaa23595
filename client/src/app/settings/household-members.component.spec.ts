import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AuthService } from '../data/auth/auth.service';
import type { HouseholdMember } from '../data/auth/household-members.service';
import { TEST_SESSION } from '../data/testing/fake-sync-setup';
import { renderPage } from '../testing/page-harness';
import { HouseholdMembersComponent } from './household-members.component';
import { SettingsPageComponent } from './settings-page.component';

const MEMBERS_URL = `/api/tenants/${TEST_SESSION.tenant.id}/members`;
const ada: HouseholdMember = {
  userId: TEST_SESSION.user.id,
  email: TEST_SESSION.user.email,
  role: 'owner',
  joinedAt: '2026-11-01T10:00:00.000Z',
};
const bob: HouseholdMember = {
  userId: 'b0b00000-0000-4000-8000-000000000002',
  email: 'bob@example.com',
  role: 'member',
  joinedAt: '2026-11-02T10:00:00.000Z',
};

const buttons = (element: HTMLElement) =>
  [...element.querySelectorAll('button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim());

describe('HouseholdMembersComponent', () => {
  it('lists the members with their roles; an owner removes another member after confirming', async () => {
    const page = await renderPage(HouseholdMembersComponent);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(MEMBERS_URL).flush({ items: [ada, bob] });
    await page.settle();
    expect(page.text()).toContain('ada@example.com (you) · Owner');
    expect(page.text()).toContain('bob@example.com · Member');
    // One Remove button, for Bob (none for oneself).
    expect(buttons(page.element).filter((text) => text?.startsWith('Remove'))).toEqual([
      'Remove bob@example.com',
    ]);

    await page.click('Remove bob@example.com');
    expect(page.element.querySelector('[role="alertdialog"]')?.textContent).toContain(
      'Remove bob@example.com from Lovelace? They lose access at once',
    );
    http.expectNone({ method: 'DELETE' });
    await page.click('Cancel');
    expect(page.element.querySelector('[role="alertdialog"]')).toBeNull();

    await page.click('Remove bob@example.com');
    await page.click('Remove member');
    const removal = http.expectOne(`${MEMBERS_URL}/${bob.userId}`);
    expect(removal.request.method).toBe('DELETE');
    removal.flush(null, { status: 204, statusText: 'No Content' });
    await page.settle();
    expect(page.text()).not.toContain('bob@example.com');
    expect(page.element.querySelector('[role="alertdialog"]')).toBeNull();
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(true);
  });

  it('shows a member no Remove buttons and the settings page no invite', async () => {
    const page = await renderPage(SettingsPageComponent);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/auth/me').flush({ tenants: [] });
    http.expectOne(MEMBERS_URL).flush({
      items: [
        {
          ...bob,
          userId: 'c0000000-0000-4000-8000-000000000003',
          email: 'cy@example.com',
          role: 'owner',
        },
        { ...ada, role: 'member' },
      ],
    });
    await page.settle();
    expect(page.text()).toContain('ada@example.com (you) · Member');
    expect(buttons(page.element).some((text) => text?.startsWith('Remove'))).toBe(false);
    expect(buttons(page.element)).toContain('Leave this household');
    expect(page.text()).not.toContain('Create invite code');
  });

  it('explains that the only owner cannot leave instead of offering it', async () => {
    const page = await renderPage(HouseholdMembersComponent);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(MEMBERS_URL).flush({ items: [ada, bob] });
    await page.settle();
    const leave = [...page.element.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Leave this household',
    );
    expect(leave?.disabled).toBe(true);
    expect(page.text()).toContain(
      'You are the only owner of this household, so you cannot leave it.',
    );
  });

  it("shows the server's refusal and keeps the member listed", async () => {
    const page = await renderPage(HouseholdMembersComponent);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(MEMBERS_URL).flush({ items: [ada, bob] });
    await page.settle();
    await page.click('Remove bob@example.com');
    await page.click('Remove member');
    http.expectOne(`${MEMBERS_URL}/${bob.userId}`).flush(
      {
        statusCode: 404,
        error: 'Not Found',
        message: 'This user is not a member of the household',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await page.settle();
    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain(
      'This user is not a member of the household',
    );
    expect(page.text()).toContain('bob@example.com');
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(true);
  });

  it('leaves after confirming: unsynced changes are sent first, then the session ends and local data stays', async () => {
    const page = await renderPage(HouseholdMembersComponent);
    const http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const flush = jest.spyOn(page.client, 'flush');
    page.client.setStatus({ pendingCount: 1 });
    http.expectOne(MEMBERS_URL).flush({ items: [ada, { ...bob, role: 'owner' }] });
    await page.settle();

    await page.click('Leave this household');
    expect(page.element.querySelector('[role="alertdialog"]')?.textContent).toContain(
      '1 change has not been synced yet: they are sent first',
    );
    await page.click('Leave household');
    expect(flush).toHaveBeenCalled();
    const leave = http.expectOne(`${MEMBERS_URL}/${ada.userId}`);
    expect(leave.request.method).toBe('DELETE');
    leave.flush(null, { status: 204, statusText: 'No Content' });
    await page.settle();

    const auth = TestBed.inject(AuthService);
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.signedOutNotice()).toEqual({ reason: 'left', householdName: 'Lovelace' });
    expect(page.client.stopped).toBe(true);
    expect(page.client.clearedLocalData).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/login');
  });

  it('lets an owner make a member an owner, and then step down', async () => {
    const page = await renderPage(HouseholdMembersComponent);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(MEMBERS_URL).flush({ items: [ada, bob] });
    await page.settle();
    // The only owner is offered no step-down, only promoting Bob.
    expect(buttons(page.element).filter((text) => text?.startsWith('Make'))).toEqual([
      'Make owner bob@example.com',
    ]);

    await page.click('Make owner bob@example.com');
    const promotion = http.expectOne(`${MEMBERS_URL}/${bob.userId}`);
    expect(promotion.request.method).toBe('PATCH');
    expect(promotion.request.body).toEqual({ role: 'owner' });
    promotion.flush({ ...bob, role: 'owner' });
    await page.settle();
    expect(page.text()).toContain('bob@example.com · Owner');
    expect(page.element.querySelector('[role="status"]')?.textContent).toContain(
      'bob@example.com is now an owner.',
    );
    const leave = [...page.element.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Leave this household',
    );
    expect(leave?.disabled).toBe(false);

    await page.click('Make member ada@example.com');
    const stepDown = http.expectOne(`${MEMBERS_URL}/${ada.userId}`);
    expect(stepDown.request.body).toEqual({ role: 'member' });
    stepDown.flush({ ...ada, role: 'member' });
    await page.settle();
    expect(page.text()).toContain('ada@example.com (you) · Member');
    // No longer an owner: no role or remove buttons at all.
    expect(buttons(page.element).some((text) => /^(Make|Remove)/.test(text ?? ''))).toBe(false);
  });

  it("shows the server's refusal of a role change and keeps the roles", async () => {
    const page = await renderPage(HouseholdMembersComponent);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(MEMBERS_URL).flush({ items: [ada, bob] });
    await page.settle();
    await page.click('Make owner bob@example.com');
    http.expectOne(`${MEMBERS_URL}/${bob.userId}`).flush(
      {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Only an owner of the household can change roles',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await page.settle();
    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain(
      'Only an owner of the household can change roles',
    );
    expect(page.text()).toContain('bob@example.com · Member');
  });
});
