import { Column, Entity } from 'typeorm';
import { SyncedRowEntity } from '../../sync/tables/synced-row.entity';

@Entity('settings')
export class SettingEntity extends SyncedRowEntity {
  @Column('text', { name: 'budget_currency', nullable: true })
  budgetCurrency!: string | null;

  @Column('text', { nullable: true })
  locale!: string | null;
}
