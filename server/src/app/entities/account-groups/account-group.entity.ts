import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('account_groups')
export class AccountGroupEntity extends SyncedRowEntity {
  @Column('text', { nullable: true })
  name!: string | null;

  @Column('integer', { name: 'sort_order', nullable: true })
  sortOrder!: number | null;
}
