import type { Category } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../sync/with-synced-entity';

export const CategoriesStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Category>('categories'),
);
