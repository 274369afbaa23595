import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('budget_months')
export class BudgetMonthEntity extends SyncedRowEntity {
  @Column('text', { nullable: true })
  month!: string | null;

  @Column('bigint', { name: 'held_minor', nullable: true })
  heldMinor!: number | null;
}
