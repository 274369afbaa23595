import type { Tree } from '@nx/devkit';
import { EntityExistsError, NameClashError } from './assert-new';
import { PATHS, syncedEntityGenerator } from './generator';
import { workspaceTree } from './testing/workspace-tree';

const fields = 'name:string';

describe('synced-entity generator refuses clashes', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = workspaceTree();
  });

  it.each(['account_groups', 'accounts', 'categories', 'transactions', 'budgets'])(
    'refuses the existing entity %s',
    async (name) => {
      await expect(syncedEntityGenerator(tree, { name, fields })).rejects.toThrow(
        EntityExistsError,
      );
    },
  );

  it('refuses to generate the same entity twice', async () => {
    await syncedEntityGenerator(tree, { name: 'gadgets', fields, skipFormat: true });
    await expect(syncedEntityGenerator(tree, { name: 'gadgets', fields })).rejects.toThrow(
      /gadgets already exists/,
    );
  });

  it.each([
    'libs/domain/src/lib/entities/gadgets.ts',
    'libs/domain/src/lib/entities/gadgets.spec.ts',
    'server/src/app/entities/gadgets/gadgets.controller.ts',
    'server/src/app/database/migrations/1700000000000-create-gadgets.ts',
    'client/src/app/data/stores/gadgets.store.ts',
    'client/src/app/data/stores/gadgets.store.spec.ts',
    'client/src/app/gadgets/gadgets-page.component.ts',
  ])('refuses to overwrite %s', async (path) => {
    tree.write(path, '// written by hand\n');
    await expect(syncedEntityGenerator(tree, { name: 'gadgets', fields })).rejects.toThrow(
      new RegExp(`files it needs do: .*${path.replace(/\./g, '\\.')}`),
    );
    expect(tree.read(path, 'utf-8')).toBe('// written by hand\n');
    expect(tree.read(PATHS.domainRegistry, 'utf-8')).not.toContain('gadgets');
  });

  it.each([
    'users',
    'tenants',
    'invites',
    'memberships',
    'refresh_tokens',
    'mutation_log',
    'migrations',
    'auth',
    'sync',
    'health',
    'docs',
    'signup',
    'login',
  ])('refuses %s, a name the app already uses', async (name) => {
    await expect(
      syncedEntityGenerator(tree, { name, fields, singular: 'one_of_them' }),
    ).rejects.toThrow(NameClashError);
  });

  it('refuses a table a migration already creates', async () => {
    tree.write(
      `${PATHS.migrations}/1799000000000-ledgers.ts`,
      'export const up = `CREATE TABLE ledgers (id uuid)`;\n',
    );
    await expect(syncedEntityGenerator(tree, { name: 'ledgers', fields })).rejects.toThrow(
      /a migration already creates that table/,
    );
  });

  it('refuses a REST path a controller already serves', async () => {
    tree.write('server/src/app/reports/reports.controller.ts', "@Controller('reports')\n");
    await expect(syncedEntityGenerator(tree, { name: 'reports', fields })).rejects.toThrow(
      /already serves \/api\/reports/,
    );
  });

  it('refuses a screen path a route or navigation link already has', async () => {
    const routes = tree.read(PATHS.clientRoutes, 'utf-8') ?? '';
    tree.write(PATHS.clientRoutes, routes.replace("path: 'settings'", "path: 'reports/:id'"));
    await expect(syncedEntityGenerator(tree, { name: 'reports', fields })).rejects.toThrow(
      /already has a screen at \/reports/,
    );
    const nav = tree.read(PATHS.clientNav, 'utf-8') ?? '';
    tree.write(PATHS.clientNav, nav.replace("'/budget'", "'/journals'"));
    await expect(syncedEntityGenerator(tree, { name: 'journals', fields })).rejects.toThrow(
      /already has a screen at \/journals/,
    );
  });

  it('refuses names whose classes or types already exist', async () => {
    await expect(syncedEntityGenerator(tree, { name: 'entity_records', fields })).rejects.toThrow(
      /would export EntityRecord, which libs\/domain\/src\/lib\/synced-entity\.ts already defines/,
    );
    tree.write(
      'client/src/app/data/stores/widgets-view.store.ts',
      'export const WidgetsStore = 1;\n',
    );
    await expect(syncedEntityGenerator(tree, { name: 'widgets', fields })).rejects.toThrow(
      /would export WidgetsStore/,
    );
    await expect(syncedEntityGenerator(tree, { name: 'components', fields })).rejects.toThrow(
      /would export Component, which a framework import already defines/,
    );
  });
});
