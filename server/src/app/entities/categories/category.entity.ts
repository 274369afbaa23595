import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('categories')
export class CategoryEntity extends SyncedRowEntity {
  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { name: 'group_name', nullable: true })
  groupName!: string | null;

  @Column('boolean', { name: 'is_income', nullable: true })
  isIncome!: boolean | null;

  @Column('boolean', { nullable: true })
  hidden!: boolean | null;

  @Column('integer', { name: 'sort_order', nullable: true })
  sortOrder!: number | null;

  @Column('boolean', { name: 'carry_overspending', nullable: true })
  carryOverspending!: boolean | null;
}
