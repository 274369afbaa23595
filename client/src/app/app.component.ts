import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { AuthService } from './data/auth/auth.service';
import { StickyOffsetDirective } from './layout/sticky-offset.directive';
import { UndoToastComponent } from './layout/undo-toast/undo-toast.component';
import { NAV_LINKS, SETTINGS_LINK } from './nav-links';
import { LoadProgressComponent } from './sync-status/load-progress/load-progress.component';
import { RejectionNoticesComponent } from './sync-status/rejection-notices/rejection-notices.component';
import { SyncIndicatorComponent } from './sync-status/sync-indicator/sync-indicator.component';

@Component({
  selector: 'fw-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    SyncIndicatorComponent,
    LoadProgressComponent,
    RejectionNoticesComponent,
    StickyOffsetDirective,
    UndoToastComponent,
  ],
  templateUrl: './app.component.html',
  styleUrl: './app.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  private readonly auth = inject(AuthService);
  protected readonly signedIn = this.auth.isSignedIn;

  protected readonly links = [...NAV_LINKS, SETTINGS_LINK];

  constructor() {
    const document = inject(DOCUMENT);
    const router = inject(Router);
    // Removed from the household (here or in another tab): the sign-in page says why.
    effect(() => {
      if (!this.auth.isSignedIn() && this.auth.signedOutNotice() !== null) {
        void router.navigateByUrl('/login');
      }
    });
    let section: string | null = null;
    // A screen reader hears nothing when a single-page app swaps screens: moving focus to the
    // new content announces it. Paging within a screen (budget months) keeps focus where it is.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        const next = event.urlAfterRedirects.split(/[/?#]/)[1] ?? '';
        if (section !== null && next !== section) {
          setTimeout(() => document.getElementById('main')?.focus({ preventScroll: true }));
        }
        section = next;
      });
  }
}
