import {
  isErrorAck,
  SyncEvents,
  type Mutation,
  type PushAck,
  type PushResponse,
  type SyncError,
} from '@finwise/sync-protocol';
import { ServerRefusal, socketRequest } from '../connection/socket-request';
import type { SocketWork } from '../connection/socket-work';

/**
 * An ack that refuses `mutation` with `error` and carries the row the server holds now, for
 * a mutation the server could not even be sent (larger than a whole batch): the client rolls
 * it back and reports it as if the server had rejected it.
 *
 * The protocol has no call that reads one row, but a refused mutation comes back with the
 * row as the server holds it, or without one when the server has no such row (DESIGN §6).
 * An update that names only the id is always refused (it changes no field), so sending one
 * reads the row and writes nothing, not even a mutation-log entry.
 */
export async function refusalWithServerRow(
  work: SocketWork,
  mutation: Mutation,
  error: SyncError,
  timeoutMs: number,
): Promise<PushAck> {
  const read: Mutation = {
    mutationId: globalThis.crypto.randomUUID(),
    modelName: mutation.modelName,
    operation: 'update',
    data: { id: mutation.data.id },
    hlc: mutation.hlc,
  };
  const response = await socketRequest<PushResponse>(
    work,
    SyncEvents.push,
    { mutations: [read] },
    timeoutMs,
  );
  if (isErrorAck(response)) throw new ServerRefusal(response.error);
  const record = response.results[0]?.record;
  return {
    ...response,
    results: [
      record
        ? { mutationId: mutation.mutationId, status: 'rejected', error, record }
        : { mutationId: mutation.mutationId, status: 'rejected', error },
    ],
  };
}
