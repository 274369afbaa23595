import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('budgets')
export class BudgetEntity extends SyncedRowEntity {
  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId!: string | null;

  @Column('text', { nullable: true })
  month!: string | null;

  @Column('bigint', { name: 'budgeted_minor', nullable: true })
  budgetedMinor!: number | null;
}
