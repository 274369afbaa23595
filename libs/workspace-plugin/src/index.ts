export { syncedEntityGenerator } from './generators/synced-entity/generator';
export {
  parseFields,
  FIELD_TYPES,
  type FieldSpec,
  type FieldType,
} from './generators/synced-entity/field-spec';
