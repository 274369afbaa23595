import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { escapeIdentifier, escapeLiteral } from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';

/** The role the server serves requests as: no superuser, no BYPASSRLS, no table ownership. */
export const APP_ROLE = 'finwise_app';

const logger = new Logger('Database');

/**
 * Row-level security only binds a role that neither owns the tables nor is a superuser. After
 * migrating as the owner, create or update `finwise_app`, grant it data access, and return the
 * URL to serve with. Returns the given URL unchanged when the configured user cannot manage
 * roles (an administrator then provisioned the serving role).
 */
export async function prepareAppRole(
  owner: DataSource,
  ownerUrl: string,
  config: AppConfig,
): Promise<string> {
  const [me] = (await owner.query(
    'SELECT current_user AS name, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user',
  )) as { name: string; rolsuper: boolean; rolcreaterole: boolean }[];
  if (me.name === APP_ROLE) return ownerUrl;
  if (!me.rolsuper && !me.rolcreaterole) {
    logger.warn(
      `${me.name} cannot create roles: serving as ${me.name}; row-level security binds it only ` +
        'if it is not the table owner',
    );
    return ownerUrl;
  }
  const password = config.appDbPassword ?? (await storedPassword(config.dataDir));
  // Only a superuser may even name the SUPERUSER and BYPASSRLS attributes; a role created by a
  // CREATEROLE owner has neither, and the check below refuses one that was given them elsewhere.
  const privileged = me.rolsuper ? 'NOSUPERUSER NOBYPASSRLS ' : '';
  const attributes = `LOGIN ${privileged}NOCREATEDB NOCREATEROLE PASSWORD ${escapeLiteral(password)}`;
  // Roles are cluster-wide: instances migrating different databases of one cluster may race here.
  await retry(async () => {
    const exists = (await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      APP_ROLE,
    ])) as unknown[];
    await owner.query(`${exists.length > 0 ? 'ALTER' : 'CREATE'} ROLE ${APP_ROLE} ${attributes}`);
  });
  const [role] = (await owner.query(
    'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
    [APP_ROLE],
  )) as {
    rolsuper: boolean;
    rolbypassrls: boolean;
  }[];
  if (role.rolsuper || role.rolbypassrls) {
    throw new Error(
      `${APP_ROLE} is a superuser or has BYPASSRLS, so row-level security would not bind it; a ` +
        `superuser must run ALTER ROLE ${APP_ROLE} NOSUPERUSER NOBYPASSRLS`,
    );
  }
  const [{ db }] = (await owner.query('SELECT current_database() AS db')) as { db: string }[];
  await owner.query(`GRANT CONNECT ON DATABASE ${escapeIdentifier(db)} TO ${APP_ROLE}`);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  await owner.query(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`,
  );
  await owner.query(`REVOKE ALL ON TABLE migrations FROM ${APP_ROLE}`);
  await owner.query(`GRANT EXECUTE ON FUNCTION finwise_tenant_ids() TO ${APP_ROLE}`);
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}

async function storedPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'finwise-app-password');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

async function retry(work: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      const transient = code === '42710' || code === 'XX000' || code === '40001';
      if (!transient || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
