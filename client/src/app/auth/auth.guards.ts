import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from '../data/auth/auth.service';

/** Pages that need a session send signed-out visitors to /login. */
export const signedInGuard: CanActivateFn = () =>
  inject(AuthService).isSignedIn() || inject(Router).createUrlTree(['/login']);

/** The login page is pointless with a session, so it sends signed-in users home. */
export const signedOutGuard: CanActivateFn = () =>
  !inject(AuthService).isSignedIn() || inject(Router).createUrlTree(['/']);

/** An invite link opened without a session means "create my account in that household". */
export const joinGuard: CanActivateFn = (route) =>
  inject(AuthService).isSignedIn() ||
  inject(Router).createUrlTree(['/signup'], {
    queryParams: { code: route.queryParamMap.get('code') },
  });
