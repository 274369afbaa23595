import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('transactions')
export class TransactionEntity extends SyncedRowEntity {
  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @Column('date', { nullable: true })
  date!: string | null;

  @Column('bigint', { name: 'amount_minor', nullable: true })
  amountMinor!: number | null;

  @Column('uuid', { name: 'payee_id', nullable: true })
  payeeId!: string | null;

  @Column('text', { name: 'imported_id', nullable: true })
  importedId!: string | null;

  @Column('text', { name: 'imported_payee', nullable: true })
  importedPayee!: string | null;

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId!: string | null;

  @Column('boolean', { nullable: true })
  cleared!: boolean | null;

  @Column('boolean', { nullable: true })
  reconciled!: boolean | null;

  @Column('uuid', { name: 'transfer_account_id', nullable: true })
  transferAccountId!: string | null;

  @Column('bigint', { name: 'transfer_amount_minor', nullable: true })
  transferAmountMinor!: number | null;

  @Column('boolean', { name: 'transfer_cleared', nullable: true })
  transferCleared!: boolean | null;

  @Column('boolean', { name: 'transfer_reconciled', nullable: true })
  transferReconciled!: boolean | null;

  @Column('text', { name: 'transfer_imported_id', nullable: true })
  transferImportedId!: string | null;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId!: string | null;
}
