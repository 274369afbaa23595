import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Single-use invitation into a household; only a hash of the code is stored. */
@Entity('invites')
export class InviteEntity {
  @PrimaryColumn('text', { name: 'code_hash' })
  codeHash!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('uuid', { name: 'used_by', nullable: true })
  usedBy!: string | null;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
