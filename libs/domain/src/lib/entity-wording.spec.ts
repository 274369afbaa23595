import { entityWording, labelFromFieldName } from './entity-wording';
import { SYNCED_ENTITIES } from './registry';

describe('entity wording', () => {
  it('labels every field, declared or named after its key', () => {
    const wording = entityWording('payees', ['name', 'defaultCategoryId'], {
      fieldLabels: { name: 'Payee name' },
    });
    expect(wording.fieldLabels).toEqual({
      name: 'Payee name',
      defaultCategoryId: 'Default category id',
    });
    expect(labelFromFieldName('amountMinor')).toBe('Amount minor');
  });

  it('names a row by its name field unless told otherwise', () => {
    expect(entityWording('payees', ['name', 'notes']).rowPhrase).toEqual([
      { field: 'name', quoted: true },
    ]);
    expect(entityWording('rates', ['percent']).rowPhrase).toEqual([]);
  });

  it('refuses a row phrase naming a field the entity does not have', () => {
    expect(() =>
      entityWording('rates', ['percent'], {
        rowPhrase: [{ field: 'amount', currency: { via: 'accountId', entity: 'a', field: 'c' } }],
      }),
    ).toThrow('rates: the row phrase names amount, which is not a field');
    expect(() =>
      entityWording('rates', ['percent'], {
        rowPhrase: [{ from: { via: 'accountId', entity: 'accounts', field: 'name' } }],
      }),
    ).toThrow(/names accountId/);
  });

  it('points row phrases only at entities and fields that exist', () => {
    for (const entity of SYNCED_ENTITIES) {
      for (const part of entity.wording.rowPhrase) {
        const reference = 'from' in part ? part.from : part.currency;
        if (reference) {
          const target = SYNCED_ENTITIES.find((other) => other.modelName === reference.entity);
          expect(target?.fieldNames).toContain(reference.field);
        }
      }
    }
  });
});
