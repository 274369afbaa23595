import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('accounts')
export class AccountEntity extends SyncedRowEntity {
  @Column('text', { nullable: true })
  name!: string | null;

  @Column('uuid', { name: 'group_id', nullable: true })
  groupId!: string | null;

  @Column('text', { nullable: true })
  type!: string | null;

  @Column('text', { nullable: true })
  currency!: string | null;

  @Column('boolean', { name: 'on_budget', nullable: true })
  onBudget!: boolean | null;

  @Column('boolean', { nullable: true })
  closed!: boolean | null;

  @Column('integer', { name: 'sort_order', nullable: true })
  sortOrder!: number | null;

  @Column('text', { nullable: true })
  note!: string | null;
}
