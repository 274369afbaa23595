import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { SyncedEntityDefinition } from '@finwise/domain';
import { ErrorCodes, RestLimits, type AnyRecord, type Operation } from '@finwise/sync-protocol';
import { DatabaseService } from '../../database/database.service';
import { sqlOf } from '../../database/sql-runner';
import { isPlainObject, type AcceptedMutation, type CheckedMutation } from '../push/mutation-check';
import { checkedBatch } from '../push/push-request';
import { PushService, TenantNotFoundError, type WriteOrigin } from '../push/push.service';
import { InvalidServerWrite, serverMutation } from '../push/server-mutation';
import { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import type { SyncedTable } from '../tables/synced-table';

export interface ListQuery {
  limit?: string;
  after?: string;
  includeDeleted?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * REST on top of the sync engine: every write is a one-mutation batch stamped with the
 * server's clock, so it goes through the same merge, change feed and broadcast as a push.
 */
@Injectable()
export class EntityRestService {
  constructor(
    private readonly database: DatabaseService,
    private readonly registry: SyncedEntityRegistry,
    private readonly pushes: PushService,
  ) {}

  async list(
    tenantId: string,
    modelName: string,
    query: ListQuery,
  ): Promise<{ items: AnyRecord[]; next: string | null }> {
    const table = this.registry.get(modelName);
    const { defaultListLimit, maxListLimit } = RestLimits;
    const limit = query.limit === undefined ? defaultListLimit : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > maxListLimit) {
      throw new BadRequestException(`limit must be an integer between 1 and ${maxListLimit}`);
    }
    if (query.after !== undefined && !UUID.test(query.after))
      throw new BadRequestException('after must be the `next` value of the previous page');
    if (query.includeDeleted !== undefined && !['true', 'false'].includes(query.includeDeleted)) {
      throw new BadRequestException('includeDeleted must be true or false');
    }
    const items = await this.database.inTenantTransaction(tenantId, (manager) =>
      table.listPage(sqlOf(manager), tenantId, {
        after: query.after?.toLowerCase() ?? null,
        limit,
        includeDeleted: query.includeDeleted === 'true',
      }),
    );
    return { items, next: items.length === limit ? items[items.length - 1].id : null };
  }

  async get(tenantId: string, modelName: string, id: string): Promise<AnyRecord> {
    const table = this.registry.get(modelName);
    const record = await this.find(tenantId, table, id);
    if (!record || record.deletedAt !== null) throw this.notFound(table, id);
    return record;
  }

  /** 201 when the id was new, 200 when the data was merged into an existing row. */
  async create(
    tenantId: string,
    modelName: string,
    body: unknown,
    origin: WriteOrigin,
  ): Promise<{ status: 201 | 200; record: AnyRecord }> {
    const table = this.registry.get(modelName);
    if (!isPlainObject(body)) throw new BadRequestException('body must be a JSON object');
    const data = { ...body, id: body['id'] ?? this.newId(table.definition, body) };
    const { record, inserted } = await this.write(tenantId, table, 'create', data, false, origin);
    return { status: inserted ? 201 : 200, record };
  }

  async patch(
    tenantId: string,
    modelName: string,
    id: string,
    body: unknown,
    origin: WriteOrigin,
  ): Promise<AnyRecord> {
    const table = this.registry.get(modelName);
    // A path id that is not a UUID names no row: 404 like GET, before the body is looked at.
    if (!UUID.test(id)) throw this.notFound(table, id);
    if (!isPlainObject(body)) throw new BadRequestException('body must be a JSON object');
    if (body['id'] !== undefined && String(body['id']).toLowerCase() !== id.toLowerCase()) {
      throw new BadRequestException('id in the body must match the id in the path');
    }
    return (await this.write(tenantId, table, 'update', { ...body, id }, true, origin)).record;
  }

  async remove(
    tenantId: string,
    modelName: string,
    id: string,
    origin: WriteOrigin,
  ): Promise<AnyRecord> {
    const table = this.registry.get(modelName);
    if (!UUID.test(id)) throw this.notFound(table, id);
    return (await this.write(tenantId, table, 'delete', { id }, true, origin)).record;
  }

  private async write(
    tenantId: string,
    table: SyncedTable,
    operation: Operation,
    data: Record<string, unknown>,
    requireLive: boolean,
    origin: WriteOrigin,
  ): Promise<{ record: AnyRecord; inserted: boolean }> {
    const accepted = this.accepted(table, operation, data, requireLive);
    const { ack, inserted } = await this.applyOne(tenantId, [{ accepted }], origin);
    const [result] = ack.results;
    if (result.status === 'rejected') {
      if (result.error?.code === ErrorCodes.notFound) throw this.notFound(table, accepted.data.id);
      throw new BadRequestException(result.error?.message ?? 'rejected');
    }
    // A write that changes nothing on a live row (the same create of an insert-only row sent
    // again) is `stale` too: that is a merge into the stored row, answered with it.
    if (result.status === 'stale' && result.record && result.record.deletedAt === null) {
      return { record: result.record as AnyRecord, inserted: false };
    }
    if (result.status === 'stale') {
      throw new ConflictException(
        `${table.modelName} ${accepted.data.id} was deleted and cannot be written again`,
      );
    }
    return { record: result.record as AnyRecord, inserted: inserted[0] };
  }

  private accepted(
    table: SyncedTable,
    operation: Operation,
    data: Record<string, unknown>,
    requireLive: boolean,
  ): AcceptedMutation {
    try {
      return serverMutation(
        this.registry,
        { modelName: table.modelName, operation, data },
        {
          requireLive,
        },
      );
    } catch (error) {
      if (!(error instanceof InvalidServerWrite)) throw error;
      throw new BadRequestException({ message: error.message, details: error.issues });
    }
  }

  /** A validly signed token for a household that no longer exists is refused, as on the sync routes. */
  private async applyOne(
    tenantId: string,
    checked: readonly CheckedMutation[],
    origin: WriteOrigin,
  ) {
    try {
      return await this.pushes.apply(tenantId, checkedBatch(checked), origin);
    } catch (error) {
      if (error instanceof TenantNotFoundError)
        throw new ForbiddenException({
          message: 'unknown household',
          details: { code: ErrorCodes.forbidden },
        });
      throw error;
    }
  }

  private async find(
    tenantId: string,
    table: SyncedTable,
    id: string,
  ): Promise<AnyRecord | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows = await this.database.inTenantTransaction(tenantId, (manager) =>
      table.findByIds(sqlOf(manager), tenantId, [id.toLowerCase()]),
    );
    return rows.get(id.toLowerCase());
  }

  private newId(definition: SyncedEntityDefinition, body: Record<string, unknown>): string {
    const identity = definition.identity;
    if (identity && identity.fields.every((f) => typeof body[f] === 'string'))
      return identity.idFor(body);
    return randomUUID();
  }

  private notFound(table: SyncedTable, id: string): NotFoundException {
    return new NotFoundException(`${table.definition.label} ${id.slice(0, 100)} not found`);
  }
}
