import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { findEntity } from '@finwise/domain';
import type { Rejection } from '@finwise/sync-client';
import { SyncSessionService } from '../sync-session.service';

const REASONS: Readonly<Record<string, string>> = {
  clock_skew: "this device's clock is more than 5 minutes ahead. Check its date and time settings.",
  forbidden: 'you are no longer allowed to change this household. Sign in again.',
  not_found: 'it no longer exists on the server.',
  unknown_model: 'this version of the app sends data the server does not know. Reload the app.',
};

/**
 * One notice per change the server refused: the change was rolled back on this device, so the
 * user must learn what was lost and why.
 */
@Component({
  selector: 'fw-rejection-notices',
  templateUrl: './rejection-notices.component.html',
  styleUrl: './rejection-notices.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RejectionNoticesComponent {
  private readonly session = inject(SyncSessionService);
  private readonly dismissed = signal<ReadonlySet<string>>(new Set());

  protected readonly notices = computed(() =>
    this.session
      .status()
      .rejections.filter((rejection) => !this.dismissed().has(rejection.mutationId))
      .map((rejection) => ({
        id: rejection.mutationId,
        what: describeChange(rejection),
        why: describeReason(rejection),
      })),
  );

  protected dismiss(mutationId: string): void {
    this.dismissed.update((ids) => new Set([...ids, mutationId]));
    if (this.notices().length === 0) {
      this.dismissAll();
    }
  }

  protected dismissAll(): void {
    this.session.clearRejections();
    this.dismissed.set(new Set());
  }
}

export function describeChange(rejection: Rejection): string {
  const label = (findEntity(rejection.modelName)?.label ?? rejection.modelName).toLowerCase();
  switch (rejection.operation) {
    case 'create':
      return `Your new ${label}`;
    case 'update':
      return `Your change to a ${label}`;
    case 'delete':
      return `Deleting a ${label}`;
  }
}

export function describeReason(rejection: Rejection): string {
  return (
    REASONS[rejection.code] ??
    (rejection.message ? `${rejection.message}.`.replace(/\.\.$/, '.') : 'the server refused it.')
  );
}
