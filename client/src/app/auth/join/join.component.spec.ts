import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AuthService } from '../../data/auth/auth.service';
import { TEST_SESSION } from '../../data/testing/fake-sync-setup';
import { renderPage } from '../../testing/page-harness';
import { JoinComponent } from './join.component';

describe('JoinComponent', () => {
  it('joins with the code from the link and switches the app to that household', async () => {
    const page = await renderPage(JoinComponent, { inputs: { code: 'CODE-42' } });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    expect(page.byLabel('Invite code').value).toBe('CODE-42');

    await page.click('Join household');
    const request = TestBed.inject(HttpTestingController).expectOne('/api/tenants/join');
    expect(request.request.body).toEqual({ code: 'CODE-42' });
    request.flush({
      ...TEST_SESSION,
      tenant: { id: '7a1c1a86-2f2e-4a43-9a40-1e7bb1f0c009', name: 'Babbage' },
    });
    await page.settle();

    expect(TestBed.inject(AuthService).session()?.tenant.name).toBe('Babbage');
    expect(navigate).toHaveBeenCalledWith('/accounts');
  });

  it('says which household the code joins before joining', async () => {
    const page = await renderPage(JoinComponent, { inputs: { code: 'abcd-efgh-jklm' } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    TestBed.inject(HttpTestingController)
      .expectOne({ method: 'GET', url: '/api/invites/abcd-efgh-jklm' })
      .flush({ tenantName: 'The Babbages' });
    await page.settle();

    expect(page.text()).toContain('You will join the household The Babbages.');
    expect(page.element.querySelector('input:not(#join-code)')).toBeNull();
  });

  it("asks for a code, and shows the server's answer to a bad one", async () => {
    const page = await renderPage(JoinComponent);
    await page.click('Join household');
    expect(page.text()).toContain('Enter the invite code you were given.');

    await page.type('Invite code', 'x'.repeat(65));
    await page.click('Join household');
    expect(page.text()).toContain('Invite code must be at most 64 characters.');
    TestBed.inject(HttpTestingController).expectNone('/api/tenants/join');

    await page.type('Invite code', 'nope');
    await page.click('Join household');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/tenants/join')
      .flush(
        { statusCode: 404, error: 'Not Found', message: 'This invite code is invalid or expired' },
        { status: 404, statusText: 'Not Found' },
      );
    await page.settle();
    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain(
      'This invite code is invalid or expired',
    );
  });
});
