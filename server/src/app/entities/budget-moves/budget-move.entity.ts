import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('budget_moves')
export class BudgetMoveEntity extends SyncedRowEntity {
  @Column('text', { nullable: true })
  month!: string | null;

  @Column('uuid', { name: 'from_category_id', nullable: true })
  fromCategoryId!: string | null;

  @Column('uuid', { name: 'to_category_id', nullable: true })
  toCategoryId!: string | null;

  @Column('bigint', { name: 'amount_minor', nullable: true })
  amountMinor!: number | null;

  @Column('text', { nullable: true })
  note!: string | null;
}
