import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { toApiError } from '../api/api-error';
import { AuthService, isForbidden } from './auth.service';

/** Auth endpoints that take credentials in the body, never a bearer token. */
const PUBLIC_AUTH_ENDPOINT = /^\/api\/auth\/(signup|login|refresh|logout)(\?|$)/;

/**
 * Adds the bearer token to same-origin API calls (except the sign-in endpoints themselves).
 * Access tokens live minutes: a 401 triggers one refresh and one retry with the new token. A
 * 403 `forbidden` means the user was removed from the household: the session ends.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const session = auth.session();
  const needsToken = request.url.startsWith('/api/') && !PUBLIC_AUTH_ENDPOINT.test(request.url);
  if (session === null || !needsToken) {
    return next(request);
  }
  return next(withToken(request, session.accessToken)).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 403 &&
        isForbidden(toApiError(error))
      ) {
        // The user is no longer a member of this household: the session ends, saying why.
        auth.removedFromHousehold();
        return throwError(() => error);
      }
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      return from(auth.refresh()).pipe(
        catchError(() => throwError(() => error)),
        switchMap((renewed) => next(withToken(request, renewed.accessToken))),
      );
    }),
  );
};

function withToken<T>(request: HttpRequest<T>, token: string): HttpRequest<T> {
  return request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}
