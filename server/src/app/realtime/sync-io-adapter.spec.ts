import {
  Injectable,
  Module,
  type INestApplication,
  type PipeTransform,
  UsePipes,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IoAdapter } from '@nestjs/platform-socket.io';
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WsException,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
} from '@nestjs/websockets';
import { Observable, of } from 'rxjs';
import type { Socket as ServerSocket } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { SyncIoAdapter } from './sync-io-adapter';

const NAMESPACE = '/adapter-parity';

@Injectable()
class RejectOddNumbers implements PipeTransform {
  transform(value: unknown): unknown {
    if (typeof value === 'number' && value % 2 === 1) throw new WsException('odd');
    return value;
  }
}

/** One handler per way a Nest gateway can answer. */
@WebSocketGateway({ namespace: NAMESPACE })
class ParityGateway implements OnGatewayConnection, OnGatewayDisconnect {
  connected: ServerSocket | null = null;
  disconnected: Promise<void> = Promise.resolve();
  private onDisconnect: () => void = () => undefined;
  /** Set when a still-running Observable answer was unsubscribed. */
  streamStopped = false;
  /** Settles the `held` handlers, which answer with their body. */
  readonly held: (() => void)[] = [];

  handleConnection(socket: ServerSocket): void {
    this.connected = socket;
    this.disconnected = new Promise((resolve) => (this.onDisconnect = resolve));
  }

  handleDisconnect(): void {
    this.onDisconnect();
  }

  @SubscribeMessage('echo')
  async echo(@MessageBody() body: unknown): Promise<unknown> {
    return { echoed: body };
  }

  @SubscribeMessage('plain')
  plain(@MessageBody() body: unknown): unknown {
    return body;
  }

  @SubscribeMessage('nothing')
  nothing(): undefined {
    return undefined;
  }

  @SubscribeMessage('ws-error')
  wsError(): never {
    throw new WsException('not allowed');
  }

  @SubscribeMessage('ws-error-object')
  wsErrorObject(): never {
    throw new WsException({ code: 'custom' });
  }

  @SubscribeMessage('crash')
  async crash(): Promise<never> {
    throw new Error('boom');
  }

  @SubscribeMessage('event-reply')
  eventReply(@MessageBody() body: unknown): { event: string; data: unknown } {
    return { event: 'answer', data: body };
  }

  @SubscribeMessage('stream')
  stream(): Observable<unknown> {
    return of(null, 'first', 'second', { event: 'answer', data: 'third' });
  }

  @SubscribeMessage('endless')
  endless(): Observable<string> {
    return new Observable<string>((subscriber) => {
      subscriber.next('started');
      return () => (this.streamStopped = true);
    });
  }

  @SubscribeMessage('manual-ack')
  manualAck(@Ack() ack: (value: unknown) => void): string {
    // Later than the return value: an ack from that would arrive first.
    setImmediate(() => ack('from the handler'));
    return 'from the return value';
  }

  @SubscribeMessage('validated')
  @UsePipes(RejectOddNumbers)
  validated(@MessageBody() body: number): number {
    return body * 10;
  }

  @SubscribeMessage('socket-id')
  socketId(@ConnectedSocket() socket: ServerSocket): string {
    return socket.id;
  }

  @SubscribeMessage('held')
  hold(@MessageBody() body: unknown): Promise<unknown> {
    return new Promise((resolve) => this.held.push(() => resolve(body)));
  }
}

@Module({ providers: [ParityGateway] })
class ParityModule {}

interface Harness {
  app: INestApplication;
  gateway: ParityGateway;
  client: Socket;
  /** Events the server sent, in order, other than acks. */
  received: [string, unknown][];
}

async function start(adapter: (app: INestApplication) => IoAdapter): Promise<Harness> {
  const app = await NestFactory.create(ParityModule, { logger: false });
  app.useWebSocketAdapter(adapter(app));
  await app.listen(0, '127.0.0.1');
  const client = io(`${await app.getUrl()}${NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
  });
  const received: [string, unknown][] = [];
  client.onAny((event: string, data: unknown) => received.push([event, data]));
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', reject);
  });
  return { app, gateway: app.get(ParityGateway), client, received };
}

/**
 * What the client sees after emitting with an ack: the ack's arguments, or null when the server
 * never acknowledged. A second message acknowledged by `echo` is the barrier: messages are
 * handled in order and each answer is a few microtasks away, so an ack for the first would have
 * come before the barrier's.
 */
async function ackOf(client: Socket, event: string, ...args: unknown[]): Promise<unknown[] | null> {
  let acked: unknown[] | null = null;
  client.emit(event, ...args, (...ackArgs: unknown[]) => (acked = ackArgs));
  await client.emitWithAck('echo', 'barrier');
  return acked;
}

const adapters: [string, (app: INestApplication) => IoAdapter][] = [
  ["Nest's IoAdapter", (app) => new IoAdapter(app)],
  ['SyncIoAdapter', (app) => new SyncIoAdapter(app, { corsOrigins: [] })],
];

describe.each(adapters)('message handlers bound by %s answer like Nest', (_name, adapter) => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await start(adapter);
  });
  afterEach(async () => {
    harness.client.disconnect();
    await harness.app.close();
  });

  it('acknowledges with the resolved value, for async and plain handlers', async () => {
    expect(await ackOf(harness.client, 'echo', { a: 1 })).toEqual([{ echoed: { a: 1 } }]);
    expect(await ackOf(harness.client, 'plain', 0)).toEqual([0]);
    expect(await ackOf(harness.client, 'plain', false)).toEqual([false]);
    expect(await ackOf(harness.client, 'socket-id')).toEqual([harness.gateway.connected?.id]);
  });

  it('passes several arguments as one array body, and a bare ack as no body', async () => {
    expect(await ackOf(harness.client, 'plain', 'x', 'y')).toEqual([['x', 'y']]);
    expect(await ackOf(harness.client, 'echo')).toEqual([{}]);
  });

  it('never acknowledges an undefined or null answer', async () => {
    expect(await ackOf(harness.client, 'nothing')).toBeNull();
    expect(await ackOf(harness.client, 'plain', null)).toBeNull();
    expect(harness.received).toEqual([]);
  });

  it('answers an exception with an `exception` event and no ack', async () => {
    expect(await ackOf(harness.client, 'ws-error', 7)).toBeNull();
    expect(await ackOf(harness.client, 'ws-error-object')).toBeNull();
    expect(await ackOf(harness.client, 'crash', 'x')).toBeNull();
    expect(await ackOf(harness.client, 'validated', 3)).toBeNull();
    expect(await ackOf(harness.client, 'validated', 4)).toEqual([40]);
    expect(harness.received).toEqual([
      [
        'exception',
        { status: 'error', message: 'not allowed', cause: { pattern: 'ws-error', data: 7 } },
      ],
      ['exception', { code: 'custom' }],
      [
        'exception',
        {
          status: 'error',
          message: 'Internal server error',
          cause: { pattern: 'crash', data: 'x' },
        },
      ],
      ['exception', { status: 'error', message: 'odd', cause: { pattern: 'validated', data: 3 } }],
    ]);
  });

  it('emits `{ event, data }` as that event instead of acknowledging', async () => {
    expect(await ackOf(harness.client, 'event-reply', 5)).toBeNull();
    expect(harness.received).toEqual([['answer', 5]]);
  });

  it('answers every value of an Observable: the first acknowledges, events are emitted', async () => {
    expect(await ackOf(harness.client, 'stream')).toEqual(['first']);
    expect(harness.received).toEqual([['answer', 'third']]);
  });

  it('leaves the ack to a handler that takes it with @Ack()', async () => {
    expect(await ackOf(harness.client, 'manual-ack')).toEqual(['from the handler']);
  });

  it('sends nothing when the client asked for no ack', async () => {
    harness.client.emit('echo', 'no ack wanted');
    harness.client.emit('stream');
    expect(await harness.client.emitWithAck('echo', 'after')).toEqual({ echoed: 'after' });
    expect(harness.received).toEqual([['answer', 'third']]);
  });

  it('stops a running Observable answer when the socket disconnects', async () => {
    expect(await harness.client.emitWithAck('endless')).toBe('started');
    expect(harness.gateway.streamStopped).toBe(false);
    harness.client.disconnect();
    await harness.gateway.disconnected;
    expect(harness.gateway.streamStopped).toBe(true);
  });

  it('drops answers that settle after the socket disconnected', async () => {
    const server = harness.gateway.connected as ServerSocket;
    const packets = jest.spyOn(server as unknown as { packet: () => void }, 'packet');
    harness.client.emit('held', 'for the ack', () => undefined);
    harness.client.emit('held', { event: 'late', data: 1 });
    // Both handlers have started once a later message is answered.
    await harness.client.emitWithAck('echo', 'barrier');
    expect(harness.gateway.held).toHaveLength(2);
    packets.mockClear();
    harness.client.disconnect();
    await harness.gateway.disconnected;
    for (const settle of harness.gateway.held) settle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(packets).not.toHaveBeenCalled();
  });
});

describe('SyncIoAdapter binding', () => {
  it('adds one listener per handler and none of its own for disconnect', async () => {
    const harness = await start((app) => new SyncIoAdapter(app, { corsOrigins: [] }));
    try {
      const socket = harness.gateway.connected as ServerSocket;
      for (const event of ['echo', 'stream', 'held']) expect(socket.listenerCount(event)).toBe(1);
      // Nest's own disconnect hook (handleDisconnect) only; IoAdapter adds a second, the
      // shared disconnect$ its per-handler pipelines wait on.
      expect(socket.listenerCount('disconnect')).toBe(1);
    } finally {
      harness.client.disconnect();
      await harness.app.close();
    }
  });
});
