import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  concat,
  distinctUntilChanged,
  from,
  map,
  of,
  switchMap,
  timer,
  type Observable,
} from 'rxjs';
import { AccountService, type InvitedHousehold } from '../data/auth/account.service';

/** Typing pauses this long before the code is looked up, so each keystroke is not a request. */
const LOOKUP_DELAY_MS = 300;

/**
 * The household the invite code typed so far joins, looked up as the code changes. Call in an
 * injection context (a component's field initializer).
 */
export function invitedHousehold(codes: Observable<string>): Signal<InvitedHousehold> {
  const account = inject(AccountService);
  return toSignal(
    codes.pipe(
      map((code) => code.trim()),
      distinctUntilChanged(),
      switchMap((code) =>
        code === ''
          ? of<InvitedHousehold>({ state: 'none' })
          : concat(
              of<InvitedHousehold>({ state: 'checking' }),
              timer(LOOKUP_DELAY_MS).pipe(switchMap(() => from(account.invitedHousehold(code)))),
            ),
      ),
    ),
    { initialValue: { state: 'none' } },
  );
}
