import { brokenRowRules } from '../lib/row-rules';
import type { FieldInfo } from '../lib/field-info';
import type { SyncedEntityDefinition } from '../lib/synced-entity';

const DAY_MS = 86_400_000;

/** A deterministic, valid value for a field: sample rows for tests and benchmarks. */
export function sampleValue(field: FieldInfo, seed: number): string | number | boolean {
  const n = Math.abs(Math.trunc(seed));
  switch (field.kind) {
    case 'uuid':
      return sampleUuid(n);
    case 'name':
      return `${field.name} ${n}`;
    case 'shortText':
      return `${field.name} ${n}`;
    case 'text':
      return `${field.name} text ${n}`;
    case 'money':
      return ((n * 7919) % 2_000_001) - 1_000_000;
    case 'int':
      return n % 10_000;
    case 'boolean':
      return n % 2 === 0;
    case 'date':
      return new Date(Date.UTC(2026, 0, 1) + (n % 730) * DAY_MS).toISOString().slice(0, 10);
    case 'month':
      return `${2026 + Math.floor((n % 48) / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    case 'currency':
      return ['EUR', 'USD', 'CHF', 'GBP'][n % 4];
    case 'enum':
      return (field.values ?? [])[n % (field.values?.length ?? 1)];
  }
}

/** A full, valid create payload (with id) for any synced entity. */
export function sampleData(
  entity: SyncedEntityDefinition,
  seed: number,
  overrides: Record<string, unknown> = {},
): { id: string } & Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of entity.fields)
    data[field.name] = sampleValue(field, seed + field.name.length);
  // Amounts a row rule wants positive (a budget move, what a month holds) are made so.
  for (const issue of brokenRowRules(entity.rowRules, data)) {
    const field = issue.path.replace(/^data\./, '');
    if (typeof data[field] === 'number') data[field] = Math.abs(data[field] as number) + 1;
  }
  Object.assign(data, overrides);
  const id =
    (overrides['id'] as string | undefined) ??
    (entity.identity ? entity.identity.idFor(data) : globalThis.crypto.randomUUID());
  return { ...data, id };
}

/** Fields an update may change (identity fields such as a budget's month never change). */
export function mutableFields(entity: SyncedEntityDefinition): FieldInfo[] {
  const fixed = new Set(entity.identity?.fields ?? []);
  return entity.fields.filter((f) => !fixed.has(f.name));
}

function sampleUuid(n: number): string {
  const hex = (n * 2654435761).toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}
