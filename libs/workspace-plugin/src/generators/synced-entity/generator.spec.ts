import { logger, type Tree } from '@nx/devkit';
import { FieldSpecError } from './field-spec';
import { PATHS, syncedEntityGenerator } from './generator';
import { normalizeOptions } from './normalize-options';
import { EDITED_FILES, generatedFilePaths } from './paths';
import { lineDiff } from './testing/line-diff';
import { workspaceTree } from './testing/workspace-tree';

const FIELDS =
  'name:string,notes:text?,defaultCategoryId:uuid?,kind:enum(person|company),limitMinor:money?,since:date,month:month?,visits:int,active:boolean,code:shortText?,currency:currency';
const GADGETS = { name: 'gadgets', fields: FIELDS, timestamp: 1795000000000 };

describe('synced-entity generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = workspaceTree();
  });

  it('writes the domain schema, server module, migration, client store and page, and their tests', async () => {
    const warn = jest.spyOn(console, 'warn');
    await syncedEntityGenerator(tree, GADGETS);
    const created = tree
      .listChanges()
      .filter((change) => change.type === 'CREATE')
      .map((change) => change.path);
    const expected = generatedFilePaths(normalizeOptions(GADGETS));
    expect(expected).toHaveLength(11);
    for (const path of expected) {
      expect(created).toContain(path);
      expect(tree.read(path, 'utf-8')).toMatchSnapshot(path);
    }
    // formatFiles only warns when prettier fails; the snapshots must be what it really writes.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('edits each registration file in place', async () => {
    // A fixed starting version keeps the snapshot stable as entities are added to the real registry.
    const registry = tree.read(PATHS.domainRegistry, 'utf-8') ?? '';
    tree.write(
      PATHS.domainRegistry,
      registry.replace(/CLIENT_SCHEMA_VERSION = \d+/, 'CLIENT_SCHEMA_VERSION = 1'),
    );
    const before = new Map(EDITED_FILES.map((path) => [path, tree.read(path, 'utf-8') ?? '']));
    await syncedEntityGenerator(tree, GADGETS);
    for (const path of EDITED_FILES) {
      expect(lineDiff(before.get(path) ?? '', tree.read(path, 'utf-8') ?? '')).toMatchSnapshot(
        path,
      );
    }
  });

  it('registers the entity in every list that enumerates entities', async () => {
    const before = tree.read(PATHS.domainRegistry, 'utf-8') ?? '';
    const version = Number(/CLIENT_SCHEMA_VERSION = (\d+)/.exec(before)?.[1]);
    await syncedEntityGenerator(tree, {
      name: 'recurring_rules',
      fields: 'title:string,everyDays:int',
      timestamp: 1795000000001,
    });
    const registry = tree.read(PATHS.domainRegistry, 'utf-8') ?? '';
    expect(registry).toContain("import { recurringRules } from './entities/recurring-rules';");
    expect(registry).toMatch(/SYNCED_ENTITIES[^=]*= \[[^\]]*recurringRules,?\s*\]/s);
    expect(registry).toContain(`CLIENT_SCHEMA_VERSION = ${version + 1}`);
    expect(tree.read(PATHS.domainIndex, 'utf-8')).toContain(
      "export * from './lib/entities/recurring-rules';",
    );
    expect(tree.read(PATHS.serverEntityIndex, 'utf-8')).toMatch(
      /SYNCED_ENTITY_MODULES = \[[^\]]*RecurringRulesModule,?\s*\]/s,
    );
    expect(tree.read(PATHS.migrationsIndex, 'utf-8')).toMatch(
      /MIGRATIONS = \[[^\]]*CreateRecurringRules1795000000001,?\s*\]/s,
    );
    expect(tree.read(PATHS.clientRoutes, 'utf-8')).toContain("path: 'recurring-rules'");
    expect(tree.read(PATHS.clientNav, 'utf-8')).toContain(
      "{ path: '/recurring-rules', label: 'Recurring rules' }",
    );
    expect(
      tree.read('server/src/app/entities/recurring-rules/recurring-rule.entity.ts', 'utf-8'),
    ).toContain("@Entity('recurring_rules')");
  });

  it('with --no-screen writes no page, route or menu link, and may take a name only a screen had', async () => {
    const routes = tree.read(PATHS.clientRoutes, 'utf-8');
    const nav = tree.read(PATHS.clientNav, 'utf-8');
    await syncedEntityGenerator(tree, {
      name: 'signup',
      singular: 'signup_form',
      fields: 'budgetCurrency:currency,locale:shortText?',
      screen: false,
      deletable: false,
      timestamp: 1795000000002,
    });
    const touched = tree.listChanges().map((change) => change.path);
    expect(touched.filter((path) => path.startsWith('client/src/app/signup/'))).toEqual([]);
    expect(tree.read(PATHS.clientRoutes, 'utf-8')).toBe(routes);
    expect(tree.read(PATHS.clientNav, 'utf-8')).toBe(nav);
    expect(tree.exists('client/src/app/data/stores/signup.store.ts')).toBe(true);
    expect(tree.read(PATHS.serverEntityIndex, 'utf-8')).toContain('SignupModule');
    await expect(
      syncedEntityGenerator(workspaceTree(), {
        name: 'signup',
        singular: 'signup_form',
        fields: 'budgetCurrency:currency',
        timestamp: 1795000000003,
      }),
    ).rejects.toThrow('a screen of the app');
  });

  it('quotes the field columns of the migration', async () => {
    await syncedEntityGenerator(tree, { ...GADGETS, fields: 'type:text,sortOrder:int' });
    const sql = tree.read(`${PATHS.migrations}/1795000000000-create-gadgets.ts`, 'utf-8') ?? '';
    expect(sql).toContain('"type" text,');
    expect(sql).toContain('"sort_order" integer,');
  });

  it('prints what to run next', async () => {
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    const done = await syncedEntityGenerator(tree, GADGETS);
    done();
    const message = String(info.mock.calls[0]?.[0]);
    expect(message).toContain('npm run docs');
    expect(message).toContain('npm test');
    expect(message).toContain('/api/gadgets');
    info.mockRestore();
  });

  it.each([
    ['a camelCase name', 'Payees', 'name:string', /snake_case plural/],
    ['a singular name', 'payee', 'name:string', /must be plural/],
    ['a name with dashes', 'pay-ees', 'name:string', /snake_case/],
    ['an SQL reserved word as name', 'user', 'name:string', /SQL reserved word/],
    ['a name too long for PostgreSQL', `${'x'.repeat(47)}s`, 'name:string', /63 characters/],
    ['no fields', 'gadgets', '', /at least one field/],
    ['an unknown type', 'gadgets', 'name:float', /unknown type "float"/],
    ['a system field', 'gadgets', 'tenantId:uuid', /already has/],
    ['every system field', 'gadgets', 'serverSeq:int', /already has/],
    ['a field stored as a system column', 'gadgets', 'tenantID:uuid', /column "tenant_id"/],
    ['a duplicate field', 'gadgets', 'name:string,name:text', /listed twice/],
    [
      'fields clashing after snake_casing',
      'gadgets',
      'aBC:int,aBc:int',
      /both be stored as the column "a_bc"/,
    ],
    ['a field that is an SQL reserved word', 'gadgets', 'order:int', /SQL reserved word/],
    [
      'a field whose column is reserved',
      'gadgets',
      'currentUser:uuid',
      /"current_user", an SQL reserved word/,
    ],
    ['a field too long for PostgreSQL', 'gadgets', `${'a'.repeat(64)}:int`, /63 characters/],
    ['a snake_case field', 'gadgets', 'default_category:uuid', /camelCase/],
    ['an empty enum', 'gadgets', 'kind:enum()', /enum\(monthly\|yearly\)/],
    ['an enum with one value', 'gadgets', 'kind:enum(only)', /at least two values/],
    ['an enum repeating a value', 'gadgets', 'kind:enum(a|a)', /repeats a value/],
    ['arguments on a plain type', 'gadgets', 'name:string(5)', /takes no arguments/],
    ['garbage', 'gadgets', 'just words', /is not name:type/],
  ])('refuses %s clearly, writing nothing', async (_label, name, fields, message) => {
    const before = snapshotOf(tree);
    await expect(syncedEntityGenerator(tree, { name, fields })).rejects.toThrow(message);
    await expect(syncedEntityGenerator(tree, { name, fields })).rejects.toThrow(FieldSpecError);
    expect(snapshotOf(tree)).toEqual(before);
  });

  it('refuses --indexes naming an unknown field', async () => {
    await expect(
      syncedEntityGenerator(tree, { name: 'gadgets', fields: 'name:string', indexes: 'nope' }),
    ).rejects.toThrow(/--indexes names "nope"/);
  });
});

/** Every path and content of the tree, to prove a refused run wrote nothing. */
function snapshotOf(tree: Tree): Map<string, string> {
  return new Map(tree.listChanges().map((change) => [change.path, String(change.content)]));
}
