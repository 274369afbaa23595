import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { rowHistorySchema, type RowHistory } from '@finwise/sync-protocol';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../api/api-error';

/** How many changes the panel asks for first: enough for any row people edit by hand. */
export const HISTORY_PAGE = 100;
/** The most the server hands out for one row (FINANCE §6: `limit` 1..500). */
export const HISTORY_MAX = 500;

/**
 * The server's record of one row's changes (`GET /api/{modelName}/:id/history`, FINANCE §6):
 * who changed which field from which device, and which values last-writer-wins dropped. The
 * history lives only on the server, so reading it needs a connection.
 */
@Injectable({ providedIn: 'root' })
export class RowHistoryService {
  private readonly http = inject(HttpClient);

  /** Newest first; an ApiError with status 404 when the server has no record of the row. */
  async load(modelName: string, id: string, limit = HISTORY_PAGE): Promise<RowHistory> {
    let body: unknown;
    try {
      body = await firstValueFrom(
        this.http.get<unknown>(
          `/api/${encodeURIComponent(modelName)}/${encodeURIComponent(id)}/history`,
          { params: { limit } },
        ),
      );
    } catch (error) {
      throw toApiError(error);
    }
    const parsed = rowHistorySchema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError('The server sent an unexpected answer. Please try again.', 0);
    }
    return parsed.data;
  }
}
