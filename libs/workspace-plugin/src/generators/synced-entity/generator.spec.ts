import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { EntityExistsError, PATHS, syncedEntityGenerator } from './generator';
import { FieldSpecError } from './field-spec';
import { singularize } from './normalize-options';

const WORKSPACE = join(__dirname, '../../../../..');

/** The real registration files of this workspace, so the spec follows them as they evolve. */
function seed(tree: Tree): void {
  for (const path of [
    PATHS.domainRegistry,
    PATHS.domainIndex,
    PATHS.serverEntityIndex,
    PATHS.migrationsIndex,
    PATHS.clientRoutes,
    PATHS.clientNav,
    `${PATHS.domainEntities}/accounts.ts`,
  ]) {
    tree.write(path, readFileSync(join(WORKSPACE, path), 'utf-8'));
  }
}

const FIELDS =
  'name:string,notes:text?,defaultCategoryId:uuid?,kind:enum(person|company),limitMinor:money?,since:date,month:month?,visits:int,active:boolean';

describe('synced-entity generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seed(tree);
  });

  it('writes the domain schema, server module, migration and tests', async () => {
    await syncedEntityGenerator(tree, { name: 'gadgets', fields: FIELDS, timestamp: 1795000000000 });
    const written = [
      'libs/domain/src/lib/entities/gadgets.ts',
      'libs/domain/src/lib/entities/gadgets.spec.ts',
      'server/src/app/entities/gadgets/gadget.entity.ts',
      'server/src/app/entities/gadgets/gadgets.controller.ts',
      'server/src/app/entities/gadgets/gadgets.module.ts',
      'server/src/app/entities/gadgets/gadgets.integration.spec.ts',
      'server/src/app/database/migrations/1795000000000-create-gadgets.ts',
      'client/src/app/stores/gadgets.store.ts',
      'client/src/app/stores/gadgets.store.spec.ts',
      'client/src/app/gadgets/gadgets-page.component.ts',
      'client/src/app/gadgets/gadgets-page.component.spec.ts',
    ];
    for (const path of written) expect(tree.read(path, 'utf-8')).toMatchSnapshot(path);
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
    expect(
      tree.read('server/src/app/entities/recurring-rules/recurring-rule.entity.ts', 'utf-8'),
    ).toContain("@Entity('recurring_rules')");
  });

  it('refuses an entity that already exists', async () => {
    await expect(
      syncedEntityGenerator(tree, { name: 'accounts', fields: 'name:string' }),
    ).rejects.toThrow(EntityExistsError);
    await syncedEntityGenerator(tree, { name: 'gadgets', fields: 'name:string' });
    await expect(
      syncedEntityGenerator(tree, { name: 'gadgets', fields: 'name:string' }),
    ).rejects.toThrow(/already exists/);
  });

  it.each([
    ['a camelCase name', 'Payees', 'name:string', /snake_case plural/],
    ['a singular name', 'payee', 'name:string', /must be plural/],
    ['a name with dashes', 'pay-ees', 'name:string', /snake_case/],
    ['no fields', 'gadgets', '', /at least one field/],
    ['an unknown type', 'gadgets', 'name:float', /unknown type "float"/],
    ['a reserved field', 'gadgets', 'tenantId:uuid', /already has/],
    ['a duplicate field', 'gadgets', 'name:string,name:text', /listed twice/],
    ['a snake_case field', 'gadgets', 'default_category:uuid', /camelCase/],
    ['an empty enum', 'gadgets', 'kind:enum()', /enum\(monthly\|yearly\)/],
    ['arguments on a plain type', 'gadgets', 'name:string(5)', /takes no arguments/],
    ['garbage', 'gadgets', 'just words', /is not name:type/],
  ])('refuses %s clearly', async (_label, name, fields, message) => {
    await expect(syncedEntityGenerator(tree, { name, fields })).rejects.toThrow(message);
    await expect(syncedEntityGenerator(tree, { name, fields })).rejects.toThrow(FieldSpecError);
    expect(tree.exists('server/src/app/entities/gadgets')).toBe(false);
  });

  it('singularizes common plurals and accepts an override', async () => {
    expect(
      ['payees', 'categories', 'account_groups', 'boxes', 'addresses'].map(singularize),
    ).toEqual(['payee', 'category', 'account_group', 'box', 'address']);
    await syncedEntityGenerator(tree, {
      name: 'people',
      singular: 'person',
      fields: 'name:string',
    });
    expect(tree.exists('server/src/app/entities/people/person.entity.ts')).toBe(true);
  });
});
