import type { WsMessageHandler } from '@nestjs/common';
import { isObservable } from 'rxjs';
import type { Socket } from 'socket.io';

/** The client's acknowledgement callback, when it sent one. */
export type Ack = (...args: unknown[]) => void;

/**
 * Runs one `@SubscribeMessage` handler for one incoming message and answers the way Nest's
 * IoAdapter does, without its per-socket RxJS pipeline:
 * - the handler (Nest's wrapped callback: guards, pipes, interceptors, exception filters) gets
 *   the message body and the ack; a thrown error has already been turned into an `exception`
 *   event by Nest's WsExceptionsHandler, and the handler resolves to undefined;
 * - a returned Observable (e.g. from an interceptor) is followed to its end and every value is
 *   answered, as Nest's `mergeAll` does; Socket.IO sends only the first ack;
 * - null and undefined answer nothing, so the client's ack is never called;
 * - `{ event, data }` is emitted as that event instead of acknowledged;
 * - anything else is passed to the ack, unless the handler takes the ack itself (`@Ack()`);
 * - nothing reaches a socket after its disconnect, and an Observable still running then is
 *   unsubscribed (Nest's `takeUntil(disconnect$)`).
 * Errors escaping this (an exception filter that throws, an emit of a reserved event name)
 * stay unhandled, as they were in Nest's subscription.
 */
export async function replyToMessage(
  socket: Socket,
  handler: WsMessageHandler<string>,
  data: unknown,
  ack: Ack | undefined,
): Promise<void> {
  const result: unknown = await handler.callback(data, ack);
  const replyAck = handler.isAckHandledManually ? undefined : ack;
  if (!isObservable(result)) return answer(socket, result, replyAck);
  const subscription = result.subscribe((value) => answer(socket, value, replyAck));
  if (subscription.closed) return;
  const stop = () => subscription.unsubscribe();
  socket.once('disconnect', stop);
  subscription.add(() => socket.off('disconnect', stop));
}

function answer(socket: Socket, response: unknown, ack: Ack | undefined): void {
  // Socket.IO clears `connected` just before it emits `disconnect`.
  if (response === null || response === undefined || !socket.connected) return;
  const { event, data } = response as { event?: unknown; data?: unknown };
  if (event) socket.emit(event as string, data);
  else ack?.(response);
}
