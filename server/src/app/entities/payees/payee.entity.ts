import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('payees')
export class PayeeEntity extends SyncedRowEntity {
  @Column('text', { nullable: true })
  name!: string | null;

  @Column('uuid', { name: 'default_category_id', nullable: true })
  defaultCategoryId!: string | null;

  @Column('boolean', { nullable: true })
  favorite!: boolean | null;

  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;
}
