import * as z from 'zod';
import {
  changePasswordRequestSchema,
  joinRequestSchema,
  loginRequestSchema,
  memberRoleRequestSchema,
  reconcileRequestSchema,
  refreshRequestSchema,
  signupRequestSchema,
  SYNCED_ENTITIES,
  type SyncedEntityDefinition,
} from '@finwise/domain';
import {
  changesBroadcastSchema,
  connectErrorSchema,
  connectedSchema,
  cursorSchema,
  errorAckSchema,
  errorCodeSchema,
  handshakeAuthSchema,
  historyEntrySchema,
  historyFieldSchema,
  hlcSchema,
  mutationResultSchema,
  pullPageSchema,
  pullRequestSchema,
  pushAckSchema,
  pushRequestSchema,
  rowHistorySchema,
  syncErrorSchema,
  syncRecordSchema,
  SyncLimits,
} from '@finwise/sync-protocol';
import { importOptionsSchema } from '@finwise/import';
import { householdBackupSchema, restoreResponseSchema } from './backup-schemas';
import { entitySchemas } from './entity-schemas';
import {
  categoryBudgetSchema,
  monthBudgetSchema,
  reconcileResponseSchema,
} from './finance-schemas';
import { importPreviewSchema, importResultSchema } from './import-schemas';
import { cashFlowReportSchema, netWorthReportSchema, spendingReportSchema } from './report-schemas';
import {
  healthSchema,
  httpErrorSchema,
  invitedHouseholdSchema,
  inviteSchema,
  meSchema,
  memberSchema,
  membersSchema,
  sessionSchema,
} from './http-schemas';
import { COMPONENT_SCHEMAS_PATH, entitySchemaNames } from './schema-names';

export type JsonSchema = Record<string, unknown>;

/** draft-7 for AsyncAPI 3.0 (its schema format is a JSON Schema draft-07 superset); OpenAPI 3.0 for Swagger. */
export type SchemaDialect = 'draft-7' | 'openapi-3.0';

/**
 * Every named schema of the public API, by component name. Protocol messages come from
 * @finwise/sync-protocol, entity shapes from the @finwise/domain registry, auth bodies from the
 * schemas the controllers validate with: nothing here restates a field by hand.
 */
export function namedApiSchemas(
  entities: readonly SyncedEntityDefinition[] = SYNCED_ENTITIES,
): Map<string, z.ZodType> {
  const named = new Map<string, z.ZodType>([
    ['Hlc', hlcSchema],
    ['Cursor', cursorSchema],
    ['ErrorCode', errorCodeSchema],
    ['SyncError', syncErrorSchema],
    ['SyncRecord', syncRecordSchema],
    ['MutationResult', mutationResultSchema],
    ['PushAck', pushAckSchema],
    ['ErrorAck', errorAckSchema],
    ['PullRequest', pullRequestSchema],
    ['HandshakeAuth', handshakeAuthSchema],
    ['HistoryField', historyFieldSchema],
    ['HistoryEntry', historyEntrySchema],
    ['RowHistory', rowHistorySchema],
    ['Connected', connectedSchema],
    ['ConnectError', connectErrorSchema],
    ['HttpError', httpErrorSchema],
    ['SignupRequest', signupRequestSchema],
    ['LoginRequest', loginRequestSchema],
    ['RefreshRequest', refreshRequestSchema],
    ['JoinRequest', joinRequestSchema],
    ['Session', sessionSchema],
    ['Invite', inviteSchema],
    ['InvitedHousehold', invitedHouseholdSchema],
    ['ChangePasswordRequest', changePasswordRequestSchema],
    ['Me', meSchema],
    ['Member', memberSchema],
    ['Members', membersSchema],
    ['MemberRoleRequest', memberRoleRequestSchema],
    ['Health', healthSchema],
    ['CategoryBudget', categoryBudgetSchema],
    ['MonthBudget', monthBudgetSchema],
    ['SpendingReport', spendingReportSchema],
    ['CashFlowReport', cashFlowReportSchema],
    ['NetWorthReport', netWorthReportSchema],
    ['ReconcileRequest', reconcileRequestSchema],
    ['ImportOptions', importOptionsSchema],
    ['ImportPreview', importPreviewSchema],
    ['ImportResult', importResultSchema],
  ]);
  // An entity label such as "Sync" or "Pull" would shadow a protocol schema: fail loudly instead.
  const add = (name: string, schema: z.ZodType) => {
    if (named.has(name))
      throw new Error(`API schema name ${name} is used twice; rename the entity label`);
    named.set(name, schema);
  };
  const mutations: z.ZodType[] = [];
  const changes: z.ZodObject[] = [];
  const records = new Map<string, z.ZodType>();
  for (const definition of entities) {
    const schemas = entitySchemas(definition);
    records.set(definition.modelName, schemas.record);
    const names = entitySchemaNames(definition);
    for (const key of Object.keys(names) as (keyof typeof names)[]) add(names[key], schemas[key]);
    mutations.push(schemas.mutation);
    changes.push(schemas.change);
  }
  // The generic protocol messages, with `modelName` resolved to each entity's own data and row shape.
  const mutation = oneOfEntities(
    mutations,
    'A mutation of one synced entity, told apart by modelName',
  );
  const change = oneOfEntities(changes, 'A changed row (tombstones included) of one synced entity');
  add('Mutation', mutation);
  add('Change', change);
  add(
    'PushRequest',
    pushRequestSchema
      .extend({
        mutations: z
          .array(mutation)
          .max(SyncLimits.maxBatchMutations)
          .describe(describedAs(pushRequestSchema.shape.mutations)),
      })
      .describe(describedAs(pushRequestSchema)),
  );
  add(
    'PullPage',
    pullPageSchema.extend({
      changes: z.array(change).describe(describedAs(pullPageSchema.shape.changes)),
    }),
  );
  const reconciliation = records.get('reconciliations');
  const transaction = records.get('transactions');
  if (reconciliation && transaction) {
    add('ReconcileResponse', reconcileResponseSchema({ reconciliation, transaction }));
  }
  add('HouseholdBackup', householdBackupSchema(entities));
  add('RestoreResponse', restoreResponseSchema(entities));
  add(
    'ChangesBroadcast',
    changesBroadcastSchema.extend({
      changes: z.array(change).describe('The rows this commit changed, in feed order'),
    }),
  );
  return named;
}

function oneOfEntities(options: z.ZodType[], description: string): z.ZodType {
  const [first, ...rest] = options as z.core.$ZodTypeDiscriminable[];
  if (!first) throw new Error('no synced entities registered');
  return (
    rest.length === 0 ? (first as z.ZodType) : z.discriminatedUnion('modelName', [first, ...rest])
  ).describe(description);
}

function describedAs(schema: z.ZodType): string {
  return schema.description ?? '';
}

/**
 * JSON Schemas of every named schema, cross-referenced with `#/components/schemas/<name>`,
 * ready to drop into a document's `components.schemas`.
 */
export function apiJsonSchemas(
  dialect: SchemaDialect,
  entities?: readonly SyncedEntityDefinition[],
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of namedApiSchemas(entities)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: dialect,
    // Request bodies are documented as clients write them (before transforms such as email lowercasing).
    io: 'input',
    uri: (id) => `${COMPONENT_SCHEMAS_PATH}${id}`,
  });
  const result: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // Components are embedded, not standalone documents: OpenAPI 3.0 forbids these keywords there.
    const { $id: _id, $schema: _schema, ...rest } = schema as JsonSchema;
    result[id] = rest;
  }
  return result;
}
