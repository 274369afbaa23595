export interface SyncedEntityGeneratorSchema {
  name: string;
  fields: string;
  label?: string;
  singular?: string;
  timestamp?: number;
  skipFormat?: boolean;
}
