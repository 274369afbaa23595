import { RefreshTokenEntity } from './auth/entities/refresh-token.entity';
import { UserEntity } from './auth/entities/user.entity';
import { SYNCED_ENTITY_MODULES } from './entities';
import { syncedTableOf } from './sync/tables/synced-entity-module';
import { InviteEntity } from './tenants/entities/invite.entity';
import { MembershipEntity } from './tenants/entities/membership.entity';
import { TenantEntity } from './tenants/entities/tenant.entity';

/** TypeORM entity classes: the account tables plus one per synced entity module. */
export const DATABASE_TABLES = [
  TenantEntity,
  UserEntity,
  MembershipEntity,
  InviteEntity,
  RefreshTokenEntity,
  ...SYNCED_ENTITY_MODULES.map((module) => syncedTableOf(module).table),
];
