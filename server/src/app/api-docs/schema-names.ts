import type { SyncedEntityDefinition } from '@finwise/domain';

/** Where every generated document keeps its named schemas (OpenAPI and AsyncAPI alike). */
export const COMPONENT_SCHEMAS_PATH = '#/components/schemas/';

/** A JSON-Schema reference to a named component schema. */
export function schemaRef(name: string): { $ref: string } {
  return { $ref: `${COMPONENT_SCHEMAS_PATH}${name}` };
}

export interface EntitySchemaNames {
  /** A full row as the server returns it. */
  record: string;
  /** REST POST body: a full row, id optional. */
  createBody: string;
  /** REST PATCH body: any subset of the fields. */
  patchBody: string;
  /** REST list page `{items, next}`. */
  page: string;
  /** Socket/HTTP push mutation of this entity. */
  mutation: string;
  /** One entry of a pull page or broadcast for this entity. */
  change: string;
}

/** `Account group` → `AccountGroup`: schema names follow the entity's label. */
export function entitySchemaNames(
  definition: Pick<SyncedEntityDefinition, 'label'>,
): EntitySchemaNames {
  const base = definition.label
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return {
    record: `${base}Record`,
    createBody: `${base}CreateBody`,
    patchBody: `${base}PatchBody`,
    page: `${base}Page`,
    mutation: `${base}Mutation`,
    change: `${base}Change`,
  };
}
