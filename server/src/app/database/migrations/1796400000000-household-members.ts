import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Household members: a transaction that declares a household may read the `users` rows of its
 * members (the members list shows their emails), and a member's refresh tokens for one household
 * are found by an index when the member is removed (they are revoked together).
 */
export class HouseholdMembers1796400000000 implements MigrationInterface {
  name = 'HouseholdMembers1796400000000';

  async up(q: QueryRunner): Promise<void> {
    // Permissive policies add up: users stay writable only as the declared user.
    await q.query(
      `CREATE POLICY users_household_members ON users FOR SELECT USING (` +
        `EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.tenant_id = ${TENANT}))`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS refresh_tokens_member ON refresh_tokens (tenant_id, user_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS refresh_tokens_member`);
    await q.query(`DROP POLICY IF EXISTS users_household_members ON users`);
  }
}
