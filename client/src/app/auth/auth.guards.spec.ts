import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthService } from '../data/auth/auth.service';
import { joinGuard, signedInGuard, signedOutGuard } from './auth.guards';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankComponent {}

describe('auth guards', () => {
  function setUp(signedIn: boolean): Router {
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { isSignedIn: () => signedIn } },
        provideRouter([
          { path: '', component: BlankComponent, canActivate: [signedInGuard] },
          { path: 'login', component: BlankComponent, canActivate: [signedOutGuard] },
          { path: 'signup', component: BlankComponent },
          { path: 'join', component: BlankComponent, canActivate: [joinGuard] },
        ]),
      ],
    });
    return TestBed.inject(Router);
  }

  it('sends signed-out visitors from home to /login', async () => {
    const router = setUp(false);
    await router.navigateByUrl('/');
    expect(router.url).toBe('/login');
  });

  it('lets signed-in users reach home', async () => {
    const router = setUp(true);
    await router.navigateByUrl('/');
    expect(router.url).toBe('/');
  });

  it('sends signed-in users away from /login', async () => {
    const router = setUp(true);
    await router.navigateByUrl('/login');
    expect(router.url).toBe('/');
  });

  it('turns an invite link into sign-up with the code when signed out', async () => {
    const router = setUp(false);
    await router.navigateByUrl('/join?code=abc123');
    expect(router.url).toBe('/signup?code=abc123');
  });

  it('lets signed-in users join with the code', async () => {
    const router = setUp(true);
    await router.navigateByUrl('/join?code=abc123');
    expect(router.url).toBe('/join?code=abc123');
  });
});
