import { computed } from '@angular/core';
import type { Category } from '@finwise/domain';
import { signalStore, withComputed } from '@ngrx/signals';
import { withSyncedEntity } from '../sync/with-synced-entity';
import { groupCategories } from './category-groups';

export const CategoriesStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Category>('categories'),
  withComputed(({ entities }) => ({ groups: computed(() => groupCategories(entities())) })),
);
