import { accounts } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { AccountEntity } from './account.entity';
import { AccountsController } from './accounts.controller';

@SyncedEntityModule({
  definition: accounts,
  table: AccountEntity,
  controllers: [AccountsController],
})
export class AccountsModule {}
