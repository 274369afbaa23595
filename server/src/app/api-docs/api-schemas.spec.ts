import { accountGroups, defineSyncedEntity, nameField, SYNCED_ENTITIES } from '@finwise/domain';
import { apiJsonSchemas, namedApiSchemas, type SchemaDialect } from './api-schemas';
import { COMPONENT_SCHEMAS_PATH, entitySchemaNames } from './schema-names';

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe('API schemas', () => {
  it('name entity schemas after the entity label', () => {
    expect(entitySchemaNames(accountGroups)).toEqual({
      record: 'AccountGroupRecord',
      createBody: 'AccountGroupCreateBody',
      patchBody: 'AccountGroupPatchBody',
      page: 'AccountGroupPage',
      mutation: 'AccountGroupMutation',
      change: 'AccountGroupChange',
    });
  });

  it.each<SchemaDialect>(['draft-7', 'openapi-3.0'])(
    'emit %s components whose references all resolve',
    (dialect) => {
      const schemas = apiJsonSchemas(dialect);
      expect(Object.keys(schemas).length).toBe(namedApiSchemas().size);
      for (const [name, schema] of Object.entries(schemas)) {
        expect({
          name,
          keys: Object.keys(schema).filter((k) => k === '$id' || k === '$schema'),
        }).toEqual({ name, keys: [] });
        for (const ref of refsIn(schema))
          expect({ name, ref, known: ref.slice(COMPONENT_SCHEMAS_PATH.length) in schemas }).toEqual(
            { name, ref, known: true },
          );
      }
    },
  );

  it('refuse an entity whose label would shadow a protocol schema', () => {
    const pulls = defineSyncedEntity({
      modelName: 'pulls',
      label: 'Pull',
      fields: { name: nameField() },
    });
    expect(() => namedApiSchemas([...SYNCED_ENTITIES, pulls])).toThrow(
      'API schema name PullPage is used twice',
    );
  });

  it('validate entity rows strictly: every field present, nothing else', () => {
    const record = namedApiSchemas().get('AccountGroupRecord')!;
    const hlc = '2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60';
    const row = {
      id: '3b1f8e52-6a0c-4d7e-9b15-2c4a8f6d0e31',
      tenantId: '5c0d9a14-7e2b-4f63-8a95-1d3e6b7c2f40',
      createdAt: null,
      updatedAt: hlc,
      deletedAt: null,
      fieldClocks: { name: hlc },
      name: 'Cash',
      sortOrder: 1,
    };
    expect(record.safeParse(row).success).toBe(true);
    expect(
      record.safeParse({ ...row, name: null, sortOrder: null, deletedAt: hlc, fieldClocks: {} })
        .success,
    ).toBe(true);
    expect(record.safeParse({ ...row, serverSeq: 4 }).success).toBe(false);
    const { sortOrder: _omitted, ...missing } = row;
    expect(record.safeParse(missing).success).toBe(false);
  });
});
