/**
 * Entity names already taken by something that is not a synced entity. An entity's name is its
 * table, its REST path `/api/<name>` and its screen `/<name>`, so each of these would collide.
 * The generator also reads the workspace (migrations, controllers, routes) for names added
 * later; this list covers what reading cannot see, such as TypeORM's own table.
 */
/** The reason of names taken only by a screen of the app (free with `--no-screen`). */
export const SCREEN = 'a screen of the app';

export const RESERVED_ENTITY_NAMES: Readonly<Record<string, string>> = {
  users: 'the account table',
  tenants: 'the household table and REST path',
  invites: 'the invitation table',
  memberships: 'the household membership table',
  refresh_tokens: 'the session table',
  mutation_log: 'the sync log table',
  migrations: "TypeORM's migration table",
  typeorm_metadata: "TypeORM's metadata table",
  auth: 'the sign-in REST path',
  sync: 'the sync REST path and socket namespace',
  health: 'the health check REST path',
  docs: 'the OpenAPI document path',
  asyncapi: 'the AsyncAPI document path',
  api: 'the REST prefix',
  login: SCREEN,
  signup: SCREEN,
  join: SCREEN,
  settings: SCREEN,
  assets: 'static files of the app',
};

/**
 * Names the generated files import from frameworks; an entity class or type of the same name
 * would shadow them inside those files.
 */
export const TEMPLATE_IMPORTED_NAMES: ReadonlySet<string> = new Set([
  'ChangeDetectionStrategy',
  'Column',
  'Component',
  'Entity',
  'MigrationInterface',
  'QueryRunner',
  'TestBed',
  'inject',
  'provideHttpClient',
  'provideHttpClientTesting',
  'signalStore',
]);
