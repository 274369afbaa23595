export interface SyncedEntityGeneratorSchema {
  name: string;
  fields: string;
  label?: string;
  singular?: string;
  /** Comma-separated fields the client indexes; default: every uuid field. */
  indexes?: string;
  /** `false` for entities whose rows are never deleted (budgets). */
  deletable?: boolean;
  /** `false` for entities without a screen of their own (no page, route or menu link). */
  screen?: boolean;
  timestamp?: number;
  skipFormat?: boolean;
}
