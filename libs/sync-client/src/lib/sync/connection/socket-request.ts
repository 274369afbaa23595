import { ErrorCodes, isErrorAck, type SyncError } from '@finwise/sync-protocol';
import type { SocketWork } from './socket-work';

/** The request never got an answer: the link is dead (or the token was refused). */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly refreshToken = false,
  ) {
    super(message);
  }
}

/** The server answered with an error for the whole request; retry after a pause. */
export class ServerRefusal extends Error {
  constructor(readonly error: SyncError) {
    super(`${error.code}: ${error.message}`);
  }
}

/**
 * Sends one push or pull on the socket and waits at most `timeoutMs` for its ack. No answer,
 * or an `unauthorized` one (the token expired while the socket was open), is a
 * `TransportError`: the socket is dropped and the connection starts over.
 */
export async function socketRequest<T>(
  work: SocketWork,
  event: string,
  payload: unknown,
  timeoutMs: number,
): Promise<T> {
  // A disconnected socket would buffer the request until the timeout instead of failing.
  if (!work.active || !work.socket.connected) throw new TransportError('disconnected');
  let response: T;
  try {
    response = (await work.socket.timeout(timeoutMs).emitWithAck(event, payload)) as T;
  } catch (error) {
    throw new TransportError(`${event}: ${(error as Error).message}`);
  }
  if (isErrorAck(response) && response.error.code === ErrorCodes.unauthorized) {
    throw new TransportError('token expired', true);
  }
  return response;
}
