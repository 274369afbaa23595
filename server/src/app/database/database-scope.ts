import type { EntityManager } from 'typeorm';

/**
 * What a transaction declares it works on. Row-level security (on PostgreSQL as the serving
 * role) shows it only the rows matching these settings; a transaction that declares nothing
 * sees nothing and can write nothing.
 */
export interface DatabaseScope {
  /** The household: every tenant table. */
  tenantId?: string;
  /** The signed-in user: their `users` row, memberships and households. */
  userId?: string;
  /** The email being signed up or in: that `users` row only. */
  userEmail?: string;
  /** SHA-256 of the refresh token being exchanged or revoked: that `refresh_tokens` row only. */
  refreshTokenHash?: string;
  /** Hash of the invite code being redeemed: that `invites` row only. */
  inviteCodeHash?: string;
}

const SETTINGS: Record<keyof DatabaseScope, string> = {
  tenantId: 'app.tenant_id',
  userId: 'app.user_id',
  userEmail: 'app.user_email',
  refreshTokenHash: 'app.refresh_token_hash',
  inviteCodeHash: 'app.invite_code_hash',
};

/**
 * Declares (or widens) the scope of the current transaction, with any further run-time
 * `settings` (planner switches) in the same round trip. Settings are transaction-local
 * (`set_config(…, true)`), so nothing leaks to the next user of the pooled connection.
 */
export async function declareScope(
  manager: EntityManager,
  scope: DatabaseScope,
  settings: Readonly<Record<string, string>> = {},
): Promise<void> {
  const entries = [
    ...(Object.keys(SETTINGS) as (keyof DatabaseScope)[]).flatMap((key) =>
      scope[key] === undefined ? [] : [[SETTINGS[key], scope[key]] as const],
    ),
    ...Object.entries(settings),
  ];
  if (entries.length === 0) return;
  const calls = entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ');
  await manager.query(`SELECT ${calls}`, entries.flat());
}

/**
 * Every household id, for maintenance that visits them all (the tombstone purger). Row-level
 * security hides households from a transaction that declares none, so this goes through the
 * SECURITY DEFINER function `finwise_tenant_ids()`, which yields ids only.
 */
export async function allTenantIds(manager: Pick<EntityManager, 'query'>): Promise<string[]> {
  const rows: { id: string }[] = await manager.query('SELECT id FROM finwise_tenant_ids() AS id');
  return rows.map((row) => row.id);
}
