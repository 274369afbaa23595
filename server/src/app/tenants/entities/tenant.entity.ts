import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A household. `seq` is its change-feed counter; every sync write bumps it. */
@Entity('tenants')
export class TenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('bigint', { default: 0 })
  seq!: number;

  /** Highest feed position whose tombstones were purged: older cursors must reload. */
  @Column('bigint', { name: 'purged_seq', default: 0 })
  purgedSeq!: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
