import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { writeEntityFiles } from './generator';
import { formatOnce } from './format-once';
import { normalizeOptions } from './normalize-options';
import { generatedFilePaths } from './paths';
import type { SyncedEntityGeneratorSchema } from './schema';
import { formattedTree, readWorkspaceFile, WORKSPACE } from './testing/workspace-tree';

/**
 * The built-in entities as generator invocations. Regenerating them must reproduce the files
 * in the repository, so the code base keeps one pattern for every synced entity.
 */
const EXISTING: SyncedEntityGeneratorSchema[] = [
  { name: 'account_groups', fields: 'name:string,sortOrder:int', timestamp: 1764000000100 },
  {
    name: 'accounts',
    fields:
      'name:string,groupId:uuid?,type:enum(checking|savings|credit|cash|investment|loan|other),currency:currency,onBudget:boolean,closed:boolean,sortOrder:int,note:text?',
    timestamp: 1764000000200,
  },
  {
    name: 'categories',
    fields:
      'name:string,groupName:string,isIncome:boolean,hidden:boolean,sortOrder:int,carryOverspending:boolean=false',
    timestamp: 1764000000300,
  },
  {
    name: 'transactions',
    fields:
      'accountId:uuid,date:date,amountMinor:money,payeeId:uuid?,importedId:shortText?,importedPayee:text?,notes:text?,categoryId:uuid?,cleared:boolean,reconciled:boolean,transferAccountId:uuid?,transferAmountMinor:money?,transferCleared:boolean?,transferReconciled:boolean?,transferImportedId:shortText?,parentId:uuid?',
    indexes: 'accountId,transferAccountId,date',
    timestamp: 1764000000400,
  },
  {
    name: 'budgets',
    fields: 'categoryId:uuid,month:month,budgetedMinor:money',
    indexes: 'month',
    deletable: false,
    timestamp: 1764000000500,
  },
  {
    name: 'settings',
    singular: 'setting',
    label: 'Settings',
    fields: 'budgetCurrency:currency,locale:shortText?',
    screen: false,
    deletable: false,
    timestamp: 1796300000100,
  },
  {
    name: 'payees',
    fields: 'name:string,defaultCategoryId:uuid?,favorite:boolean=false,mergedIntoId:uuid?',
    indexes: 'mergedIntoId',
    deletable: false,
    timestamp: 1796300000200,
  },
  {
    name: 'budget_moves',
    fields: 'month:month,fromCategoryId:uuid?,toCategoryId:uuid?,amountMinor:money,note:text?',
    indexes: 'month',
    screen: false,
    timestamp: 1796300000300,
  },
  {
    name: 'budget_months',
    fields: 'month:month,heldMinor:money',
    indexes: 'month',
    screen: false,
    deletable: false,
    timestamp: 1796300000400,
  },
  {
    name: 'reconciliations',
    fields:
      'accountId:uuid,statementDate:date,statementBalanceMinor:money,clearedTotalMinor:money,adjustmentId:uuid?',
    indexes: 'accountId',
    screen: false,
    timestamp: 1796300000500,
  },
  {
    name: 'import_settings',
    label: 'Import settings',
    fields: 'accountId:uuid,options:text',
    screen: false,
    deletable: false,
    timestamp: 1796600000100,
  },
];

/**
 * Each entity keeps its own purpose-built screen; the generated list/edit page is only where a
 * new entity starts.
 */
const HAND_MADE = /-page\.component(\.spec)?\.ts$/;

/**
 * What a definition may add by hand to the generated one (docs/adding-an-entity.md): doc
 * comments, an identity rule, row and reference rules and `insertOnly`, with the
 * imports they need. Anything else must be generated.
 */
function withoutDomainRefinements(text: string): string {
  return withoutWording(text)
    .replace(/^\/\*\*[\s\S]*?\*\/\n(?=export )/gm, '')
    .replace(/^import .* from '(?!\.\.\/synced-entity'|\.\.\/field-types')\.\.?\/[^']+';\n/gm, '')
    .replace(/^ {2}identity: \{\n[\s\S]*?^ {2}\},\n/m, '')
    .replace(/^ {2}(rowRules|referenceRules): \[\n[\s\S]*?^ {2}\],\n/gm, '')
    .replace(/^ {2}(rowRules|referenceRules|insertOnly): .*,\n/gm, '')
    .replace(/^ {2}\/\/ .*\n/gm, '');
}

/**
 * The generator words a new entity from its field names; the built-in ones word theirs by hand
 * ("Amount", a transaction named by payee, amount and date), so the wording is not compared.
 */
function withoutWording(text: string): string {
  return text.replace(/^ {2}wording: \{\n[\s\S]*?^ {2}\},\n/m, '');
}

describe.each(EXISTING)('the built-in entity $name', (schema) => {
  const options = normalizeOptions(schema);
  const compared = generatedFilePaths(options).filter((path) => !HAND_MADE.test(path));
  const definition = `libs/domain/src/lib/entities/${options.fileName}.ts`;
  let tree: Tree;
  beforeAll(async () => {
    tree = formattedTree();
    writeEntityFiles(tree, options);
    await formatOnce(tree);
  });

  it.each(compared)('has %s exactly as the generator writes it', (path) => {
    const real = existsSync(join(WORKSPACE, path)) ? readWorkspaceFile(path) : null;
    const generated = tree.read(path, 'utf-8');
    if (path === definition) {
      expect(real && withoutDomainRefinements(real)).toBe(generated && withoutWording(generated));
    } else {
      expect(real).toBe(generated);
    }
  });
});
