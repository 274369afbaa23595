import type { Category } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const CategoriesStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Category>('categories'),
);
