import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('reconciliations')
export class ReconciliationEntity extends SyncedRowEntity {
  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @Column('date', { name: 'statement_date', nullable: true })
  statementDate!: string | null;

  @Column('bigint', { name: 'statement_balance_minor', nullable: true })
  statementBalanceMinor!: number | null;

  @Column('bigint', { name: 'cleared_total_minor', nullable: true })
  clearedTotalMinor!: number | null;

  @Column('uuid', { name: 'adjustment_id', nullable: true })
  adjustmentId!: string | null;
}
