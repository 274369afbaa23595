import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { AuthService } from './auth.service';

/** Adds the bearer token to same-origin API calls; the auth endpoints themselves take no token. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(AuthService).session();
  const needsToken = request.url.startsWith('/api/') && !request.url.startsWith('/api/auth/');
  if (session === null || !needsToken) {
    return next(request);
  }
  return next(request.clone({ setHeaders: { Authorization: `Bearer ${session.accessToken}` } }));
};
