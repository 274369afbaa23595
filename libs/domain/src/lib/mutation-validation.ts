import { SYSTEM_FIELDS, type Operation } from '@finwise/sync-protocol';
import type { z } from 'zod';
import { brokenRowRules } from './row-rules';
import type { SyncedEntityDefinition } from './synced-entity';

export interface ValidationIssue {
  path: string;
  message: string;
}

export type DataValidation =
  | {
      ok: true;
      /** Normalised data (lowercase ids, -0 → 0); `id` first. */
      data: { id: string } & Record<string, unknown>;
      /** Whether the data is a complete row (an update of an unknown id may then create it). */
      complete: boolean;
    }
  | { ok: false; message: string; issues: ValidationIssue[] };

const SYSTEM_FIELD_SET: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

/**
 * Validates the `data` of a mutation against its entity: the one rule used by server pipes,
 * the socket gateway and client stores alike. Unknown and system fields are refused, never
 * silently dropped.
 */
export function validateMutationData(
  entity: SyncedEntityDefinition,
  operation: Operation,
  data: unknown,
): DataValidation {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return invalid([{ path: 'data', message: 'must be an object' }]);
  }
  const keys = Object.keys(data);
  const systemKeys = keys.filter((k) => SYSTEM_FIELD_SET.has(k));
  if (systemKeys.length > 0) {
    return invalid(
      systemKeys.map((k) => ({
        path: `data.${k}`,
        message: 'is set by the server and cannot be written',
      })),
    );
  }
  if (operation === 'delete') {
    const parsed = entity.createSchema.pick({ id: true }).strict().safeParse(data);
    if (!parsed.success) return invalid(toIssues(parsed.error));
    if (!entity.deletable) {
      return invalid([{ path: 'operation', message: `${entity.modelName} cannot be deleted` }]);
    }
    return { ok: true, data: { id: String(parsed.data['id']) }, complete: false };
  }
  const full = entity.createSchema.safeParse(data);
  if (operation === 'create' && !full.success) return invalid(toIssues(full.error));
  let parsedData: { id: string } & Record<string, unknown>;
  if (full.success) {
    parsedData = full.data as { id: string } & Record<string, unknown>;
  } else {
    const patch = entity.patchSchema.safeParse(data);
    if (!patch.success) return invalid(toIssues(patch.error));
    parsedData = patch.data as { id: string } & Record<string, unknown>;
    if (Object.keys(parsedData).length === 1) {
      return invalid([{ path: 'data', message: 'an update must change at least one field' }]);
    }
  }
  const identityProblem = checkIdentity(entity, parsedData);
  if (identityProblem) return invalid([identityProblem]);
  // A complete row is the row: its whole-row rules can be checked here already (a patch's are
  // checked on the merged row, see brokenRowRules).
  if (full.success) {
    const broken = brokenRowRules(entity.rowRules, parsedData);
    if (broken.length > 0) return invalid(broken);
  }
  return { ok: true, data: parsedData, complete: full.success };
}

function checkIdentity(
  entity: SyncedEntityDefinition,
  data: { id: string } & Record<string, unknown>,
): ValidationIssue | null {
  const rule = entity.identity;
  if (!rule) return null;
  const present = rule.fields.filter((f) => data[f] !== undefined);
  // A rule without fields fixes the id outright (one settings row per household).
  if (rule.fields.length > 0 && present.length === 0) return null;
  if (present.length !== rule.fields.length) {
    return {
      path: 'data',
      message: `${rule.fields.join(' and ')} are sent together or not at all (${rule.describe})`,
    };
  }
  if (rule.idFor(data) !== data.id) {
    const fixed = rule.fields.length > 0 ? `; ${rule.fields.join(' and ')} never change` : '';
    return { path: 'data.id', message: `must be ${rule.describe}${fixed}` };
  }
  return null;
}

export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: 'is not a field of this entity',
      }));
    }
    return [{ path: joinPath(issue.path), message: issue.message }];
  });
}

function joinPath(path: readonly PropertyKey[]): string {
  return ['data', ...path.map(String)].join('.');
}

function invalid(issues: ValidationIssue[]): DataValidation {
  return { ok: false, message: issues.map((i) => `${i.path} ${i.message}`).join('; '), issues };
}
