import { transactions } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { TransactionEntity } from './transaction.entity';
import { TransactionsController } from './transactions.controller';

@SyncedEntityModule({
  definition: transactions,
  table: TransactionEntity,
  controllers: [TransactionsController],
})
export class TransactionsModule {}
