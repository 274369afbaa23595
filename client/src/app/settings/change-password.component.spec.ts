import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { renderPage } from '../testing/page-harness';
import { ChangePasswordComponent } from './change-password.component';

describe('ChangePasswordComponent', () => {
  const http = () => TestBed.inject(HttpTestingController);

  async function fill(
    page: Awaited<ReturnType<typeof renderPage>>,
    current: string,
    next: string,
    confirm = next,
  ) {
    await page.type('Current password', current);
    await page.type('New password', next);
    await page.type('Confirm new password', confirm);
  }

  it('sends the current and new password, then says it worked and empties the form', async () => {
    const page = await renderPage(ChangePasswordComponent);
    await fill(page, 'old secret!', 'a new long secret');
    await page.click('Change password');

    const request = http().expectOne({ method: 'POST', url: '/api/auth/password' });
    expect(request.request.body).toEqual({
      currentPassword: 'old secret!',
      newPassword: 'a new long secret',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await page.settle();

    expect(page.element.querySelector('[role="status"]')?.textContent).toContain(
      'Your password was changed.',
    );
    expect(page.byLabel('Current password').value).toBe('');
    expect(page.byLabel('New password').value).toBe('');
    expect(page.element.querySelector('[role="alert"]')).toBeNull();
  });

  it('checks the fields before sending anything', async () => {
    const page = await renderPage(ChangePasswordComponent);
    await page.click('Change password');
    expect(page.text()).toContain('Enter your current password.');
    expect(page.text()).toContain('Enter a new password.');

    await fill(page, 'old secret!', 'short');
    await page.click('Change password');
    expect(page.text()).toContain('New password must be at least 8 characters.');

    await fill(page, 'old secret!', 'a new long secret', 'a new long secreT');
    await page.click('Change password');
    expect(page.text()).toContain('The two new passwords are not the same.');
    expect(page.byLabel('Confirm new password').getAttribute('aria-invalid')).toBe('true');
    http().expectNone('/api/auth/password');
  });

  it('says so when the current password is wrong', async () => {
    const page = await renderPage(ChangePasswordComponent);
    await fill(page, 'not it at all', 'a new long secret');
    await page.click('Change password');
    // No auth interceptor in this test: the 401 reaches the form as the server sent it.
    http()
      .expectOne('/api/auth/password')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Your current password is not correct' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await page.settle();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain(
      'Your current password is not correct.',
    );
    expect(page.element.querySelector('[role="status"]')?.textContent?.trim()).toBe('');
  });
});
