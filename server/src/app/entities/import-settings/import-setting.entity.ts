import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('import_settings')
export class ImportSettingEntity extends SyncedRowEntity {
  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @Column('text', { nullable: true })
  options!: string | null;
}
