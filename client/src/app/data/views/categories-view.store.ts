import { computed, inject } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { CategoriesStore } from '../stores/categories.store';
import { groupCategories } from './category-groups';

/**
 * What the screens derive from categories. Kept beside CategoriesStore rather than in it, so
 * every synced entity's store stays the one shape the generator writes.
 */
export const CategoriesViewStore = signalStore(
  { providedIn: 'root' },
  withComputed(() => {
    const categories = inject(CategoriesStore);
    return { groups: computed(() => groupCategories(categories.entities())) };
  }),
);
