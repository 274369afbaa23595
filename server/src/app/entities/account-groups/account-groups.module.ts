import { accountGroups } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { AccountGroupEntity } from './account-group.entity';
import { AccountGroupsController } from './account-groups.controller';

@SyncedEntityModule({
  definition: accountGroups,
  table: AccountGroupEntity,
  controllers: [AccountGroupsController],
})
export class AccountGroupsModule {}
