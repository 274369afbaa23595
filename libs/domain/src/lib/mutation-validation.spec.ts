import { accounts, type Account } from './entities/accounts';
import { budgets } from './entities/budgets';
import { transactions } from './entities/transactions';
import { importSettings } from './entities/import-settings';
import { budgetId, importSettingsId } from './deterministic-ids';
import { validateMutationData } from './mutation-validation';
import { findEntity, SYNCED_ENTITIES } from './registry';
import { sampleData } from '../testing/sample-data';

const ACCOUNT_ID = '7d4f3a0e-3c55-4f5b-9c2e-1b8a6f0d2c11';
const TX_ID = '5a9c1e2b-7f3d-4b8a-a1c6-0e2d9f4b8c37';
const CATEGORY_ID = 'c3e1b2a4-5d6f-4a8b-9c0d-1e2f3a4b5c6d';

const validTransaction = {
  id: TX_ID,
  accountId: ACCOUNT_ID,
  date: '2026-11-25',
  amountMinor: -1250,
  notes: 'Bakery',
  cleared: false,
  reconciled: false,
};

function expectInvalid(result: ReturnType<typeof validateMutationData>, pathPart: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.issues.map((i) => i.path).join(' ')).toContain(pathPart);
  expect(result.message.length).toBeGreaterThan(0);
}

describe('validateMutationData', () => {
  it('accepts a full create and marks it complete', () => {
    const result = validateMutationData(transactions, 'create', validTransaction);
    expect(result).toEqual({ ok: true, data: validTransaction, complete: true });
  });

  it('accepts a partial update, which is not complete', () => {
    const result = validateMutationData(transactions, 'update', { id: TX_ID, notes: 'Baker' });
    expect(result).toEqual({ ok: true, data: { id: TX_ID, notes: 'Baker' }, complete: false });
  });

  it('lets an update clear an optional field with null', () => {
    expect(validateMutationData(transactions, 'update', { id: TX_ID, notes: null }).ok).toBe(true);
  });

  it.each([
    ['a missing required field', { ...validTransaction, accountId: undefined }, 'accountId'],
    ['an unknown field', { ...validTransaction, colour: 'red' }, 'data.colour'],
    ['tenantId', { ...validTransaction, tenantId: ACCOUNT_ID }, 'data.tenantId'],
    ['fieldClocks', { ...validTransaction, fieldClocks: {} }, 'data.fieldClocks'],
    ['a float amount', { ...validTransaction, amountMinor: 12.5 }, 'amountMinor'],
    ['NaN', { ...validTransaction, amountMinor: Number.NaN }, 'amountMinor'],
    ['Infinity', { ...validTransaction, amountMinor: Number.POSITIVE_INFINITY }, 'amountMinor'],
    ['an amount above 10^15', { ...validTransaction, amountMinor: 1e15 + 1 }, 'amountMinor'],
    ['1e308', { ...validTransaction, amountMinor: 1e308 }, 'amountMinor'],
    ['an amount as string', { ...validTransaction, amountMinor: '100' }, 'amountMinor'],
    ['February 30th', { ...validTransaction, date: '2026-02-30' }, 'date'],
    ['a date before 1900', { ...validTransaction, date: '1899-12-31' }, 'date'],
    ['a date after 2199', { ...validTransaction, date: '2200-01-01' }, 'date'],
    ['a timestamp as date', { ...validTransaction, date: '2026-11-25T10:00:00Z' }, 'date'],
    ['a malformed id', { ...validTransaction, id: 'abc' }, 'data.id'],
    ['a malformed reference', { ...validTransaction, categoryId: 'not-a-uuid' }, 'categoryId'],
    ['U+0000', { ...validTransaction, notes: 'a\u0000b' }, 'notes'],
    ['a lone surrogate', { ...validTransaction, notes: 'a\uD800b' }, 'notes'],
    ['a too long string', { ...validTransaction, notes: 'x'.repeat(501) }, 'notes'],
    ['a boolean as number', { ...validTransaction, cleared: 1 }, 'cleared'],
  ])('rejects %s', (_label, data, path) => {
    expectInvalid(validateMutationData(transactions, 'create', data), path);
  });

  it('rejects a __proto__ key from JSON instead of ignoring it', () => {
    const data = JSON.parse(`{"id":"${TX_ID}","notes":"x","__proto__":{"polluted":true}}`);
    expectInvalid(validateMutationData(transactions, 'update', data), '__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects non-objects and empty updates', () => {
    expectInvalid(validateMutationData(transactions, 'update', null), 'data');
    expectInvalid(validateMutationData(transactions, 'update', [validTransaction]), 'data');
    expectInvalid(validateMutationData(transactions, 'update', { id: TX_ID }), 'data');
  });

  it('normalises ids to lowercase and negative zero to zero', () => {
    const result = validateMutationData(transactions, 'create', {
      ...validTransaction,
      id: TX_ID.toUpperCase(),
      amountMinor: -0,
    });
    expect(result.ok && result.data['id']).toBe(TX_ID);
    expect(result.ok && Object.is(result.data['amountMinor'], 0)).toBe(true);
  });

  it('takes only the id for a delete', () => {
    expect(validateMutationData(transactions, 'delete', { id: TX_ID })).toEqual({
      ok: true,
      data: { id: TX_ID },
      complete: false,
    });
    expectInvalid(validateMutationData(transactions, 'delete', { id: TX_ID, notes: 'x' }), 'notes');
  });

  it('checks account types and currencies', () => {
    const account = {
      id: ACCOUNT_ID,
      name: 'Giro',
      type: 'checking',
      currency: 'EUR',
      onBudget: true,
      closed: false,
      sortOrder: 0,
    };
    expect(validateMutationData(accounts, 'create', account).ok).toBe(true);
    expectInvalid(
      validateMutationData(accounts, 'create', { ...account, type: 'shoebox' }),
      'type',
    );
    expectInvalid(
      validateMutationData(accounts, 'create', { ...account, currency: 'eur' }),
      'currency',
    );
    expectInvalid(
      validateMutationData(accounts, 'create', { ...account, currency: 'XYZ' }),
      'currency',
    );
    expectInvalid(validateMutationData(accounts, 'create', { ...account, name: '' }), 'name');
  });

  describe('budgets', () => {
    const id = budgetId(CATEGORY_ID, '2026-11');
    const budget = { id, categoryId: CATEGORY_ID, month: '2026-11', budgetedMinor: 50000 };

    it('derives the id from category and month (UUIDv5)', () => {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(budgetId(CATEGORY_ID.toUpperCase(), '2026-11')).toBe(id);
      // The contract's namespace and name format, as any UUIDv5 implementation computes them
      // (Python: uuid.uuid5(UUID('153e838f-…'), '<categoryId>:<month>')).
      expect(id).toBe('6f733860-102f-5c90-9c35-3a08ff9624ee');
      expect(validateMutationData(budgets, 'create', budget).ok).toBe(true);
    });

    it('rejects a budget whose id is not the derived one', () => {
      expectInvalid(validateMutationData(budgets, 'create', { ...budget, id: TX_ID }), 'data.id');
    });

    it('never lets category or month change', () => {
      expectInvalid(validateMutationData(budgets, 'update', { id, month: '2026-12' }), 'data');
      expectInvalid(
        validateMutationData(budgets, 'update', { id, categoryId: ACCOUNT_ID, month: '2026-11' }),
        'data.id',
      );
      expect(validateMutationData(budgets, 'update', { id, budgetedMinor: 0 }).ok).toBe(true);
    });

    it('cannot be deleted', () => {
      expectInvalid(validateMutationData(budgets, 'delete', { id }), 'operation');
    });

    it('rejects months out of range', () => {
      expectInvalid(
        validateMutationData(budgets, 'create', {
          ...budget,
          month: '2026-13',
          id: budgetId(CATEGORY_ID, '2026-13'),
        }),
        'month',
      );
    });
  });

  describe('import_settings', () => {
    const id = importSettingsId(ACCOUNT_ID);
    const row = { id, accountId: ACCOUNT_ID, options: '{"delimiter":";"}' };

    it('derives the id from the account, so every device saves one row per account', () => {
      expect(importSettingsId(ACCOUNT_ID.toUpperCase())).toBe(id);
      expect(importSettingsId(CATEGORY_ID)).not.toBe(id);
      expect(validateMutationData(importSettings, 'create', row).ok).toBe(true);
      expectInvalid(
        validateMutationData(importSettings, 'create', { ...row, id: importSettingsId(TX_ID) }),
        'data.id',
      );
    });

    it('changes its options in place and is never deleted', () => {
      expect(validateMutationData(importSettings, 'update', { id, options: '{}' }).ok).toBe(true);
      expectInvalid(validateMutationData(importSettings, 'delete', { id }), 'operation');
    });
  });
});

describe('registry', () => {
  it('holds the core entities, all with snake_case names', () => {
    const names = SYNCED_ENTITIES.map((e) => e.modelName);
    expect(names.slice(0, 5)).toEqual([
      'account_groups',
      'accounts',
      'categories',
      'transactions',
      'budgets',
    ]);
    expect(names.every((n) => /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(findEntity('accounts')).toBe(accounts);
    expect(findEntity('__proto__')).toBeUndefined();
    expect(findEntity(42)).toBeUndefined();
  });

  it('knows required and optional fields', () => {
    expect(accounts.requiredFieldNames).toEqual([
      'name',
      'type',
      'currency',
      'onBudget',
      'closed',
      'sortOrder',
    ]);
    expect(accounts.fieldNames).toContain('note');
  });

  it('types records with nullable optional fields', () => {
    const account: Account = {
      id: ACCOUNT_ID,
      createdAt: null,
      updatedAt: '2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60',
      deletedAt: null,
      fieldClocks: {},
      name: 'Giro',
      groupId: null,
      type: 'checking',
      currency: 'EUR',
      onBudget: true,
      closed: false,
      sortOrder: 0,
      note: null,
    };
    expect(account.groupId).toBeNull();
  });
});

describe('sample data', () => {
  it.each(SYNCED_ENTITIES.map((e) => [e.modelName, e] as const))(
    'builds valid %s rows',
    (_name, entity) => {
      for (let seed = 0; seed < 50; seed++) {
        const result = validateMutationData(entity, 'create', sampleData(entity, seed));
        expect(result.ok ? 'ok' : result.message).toBe('ok');
      }
    },
  );

  it('describes field kinds', () => {
    expect(transactions.fields.find((f) => f.name === 'amountMinor')).toEqual({
      name: 'amountMinor',
      kind: 'money',
      optional: false,
    });
    expect(accounts.fields.find((f) => f.name === 'type')?.values).toContain('checking');
    expect(accounts.fields.find((f) => f.name === 'groupId')).toMatchObject({
      kind: 'uuid',
      optional: true,
    });
  });
});
