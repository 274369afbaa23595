import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from './data/auth/auth.service';
import { focusHeadingAfterNavigation } from './layout/page-heading-focus';
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
    const router = inject(Router);
    // Removed from the household (here or in another tab): the sign-in page says why.
    effect(() => {
      if (!this.auth.isSignedIn() && this.auth.signedOutNotice() !== null) {
        void router.navigateByUrl('/login');
      }
    });
    focusHeadingAfterNavigation();
  }
}
