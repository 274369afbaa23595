import { categories } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { CategoryEntity } from './category.entity';
import { CategoriesController } from './categories.controller';

@SyncedEntityModule({
  definition: categories,
  table: CategoryEntity,
  controllers: [CategoriesController],
})
export class CategoriesModule {}
