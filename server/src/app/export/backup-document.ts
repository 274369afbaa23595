import { SYNCED_ENTITIES, validateMutationData, type ValidationIssue } from '@finwise/domain';

export const BACKUP_FORMAT = 'finwise-household';
export const BACKUP_VERSION = 1;

/** A row of a backup: its id and every field of its entity, absent optional ones as null. */
export type BackupRow = { id: string } & Record<string, unknown>;

/** `GET /api/export/household.json`: every live row of every synced entity. */
export interface HouseholdBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** Server time of the export (ISO 8601). */
  exportedAt: string;
  /** The budget currency, when the household has set one. */
  currency?: string;
  /** modelName → rows, ordered by id. */
  entities: Record<string, BackupRow[]>;
}

/** Why a backup cannot be restored; `entity`/`id` name the row when one is at fault. */
export class BackupRejected extends Error {
  constructor(
    message: string,
    readonly details: {
      code: 'validation';
      entity?: string;
      id?: string;
      issues?: ValidationIssue[];
    },
  ) {
    super(message);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const BY_MODEL = new Map(SYNCED_ENTITIES.map((entity) => [entity.modelName, entity]));

/**
 * Checks a backup document as a whole before anything is written: its format and version, and
 * every row against its entity's schema and row rules (the same `validateMutationData` every
 * write passes). Returns the rows normalised, by modelName; an entity the document leaves out
 * has no rows.
 */
export function readBackupDocument(body: unknown): Map<string, BackupRow[]> {
  if (!isObject(body)) throw rejected('the backup must be a JSON object');
  if (body['format'] !== BACKUP_FORMAT) {
    throw rejected(`format must be "${BACKUP_FORMAT}" (not a FinWise household backup)`);
  }
  if (body['version'] !== BACKUP_VERSION) {
    throw rejected(
      `version ${String(body['version']).slice(0, 20)} is not supported (this server restores version ${BACKUP_VERSION})`,
    );
  }
  const entities = body['entities'];
  if (!isObject(entities)) throw rejected('entities must be an object of modelName → rows');

  const rows = new Map<string, BackupRow[]>();
  for (const [modelName, list] of Object.entries(entities)) {
    const entity = BY_MODEL.get(modelName);
    if (!entity) {
      throw new BackupRejected(`entities.${modelName.slice(0, 100)} is not a synced entity`, {
        code: 'validation',
        entity: modelName.slice(0, 100),
      });
    }
    if (!Array.isArray(list)) {
      throw new BackupRejected(`entities.${modelName} must be an array of rows`, {
        code: 'validation',
        entity: modelName,
      });
    }
    const seen = new Set<string>();
    const valid: BackupRow[] = [];
    for (const [index, row] of list.entries()) {
      const rawId = isObject(row) && typeof row['id'] === 'string' ? row['id'].slice(0, 100) : '';
      const name = rawId ? `row ${rawId}` : `row ${index + 1}`;
      const check = validateMutationData(entity, 'create', row);
      if (!check.ok) {
        throw new BackupRejected(`${modelName} ${name}: ${check.message}`, {
          code: 'validation',
          entity: modelName,
          ...(rawId ? { id: rawId } : {}),
          issues: check.issues,
        });
      }
      if (seen.has(check.data.id)) {
        throw new BackupRejected(`${modelName} ${name} appears twice`, {
          code: 'validation',
          entity: modelName,
          id: check.data.id,
        });
      }
      seen.add(check.data.id);
      valid.push(check.data);
    }
    rows.set(modelName, valid);
  }
  return rows;
}

function rejected(message: string): BackupRejected {
  return new BackupRejected(message, { code: 'validation' });
}
