import type { ChangesBroadcast } from '@finwise/sync-protocol';
import type { Namespace } from 'socket.io';
import { Broadcaster } from './broadcaster';

/** Records what the broadcaster emits, and when, instead of writing to sockets. */
function recordingNamespace(emitted: string[]): Namespace {
  const operator = {
    except: () => operator,
    emit: (_event: string, payload: ChangesBroadcast) => {
      emitted.push(payload.cursor);
      return true;
    },
  };
  return { to: () => operator } as unknown as Namespace;
}

const broadcast = (cursor: string, changes: number): ChangesBroadcast => ({
  changes: Array.from({ length: changes }, (_, i) => ({
    modelName: 'accounts',
    record: { id: `r${i}` } as never,
  })),
  fromCursor: `${cursor}-from`,
  cursor,
});

describe('Broadcaster', () => {
  it('sends a few changes at once and a large batch on the next turn', async () => {
    const emitted: string[] = [];
    const broadcaster = new Broadcaster();
    broadcaster.attach(recordingNamespace(emitted));
    broadcaster.changes('t1', broadcast('small', 1), 'writer');
    expect(emitted).toEqual(['small']);
    broadcaster.changes('t1', broadcast('large', 100), 'writer');
    expect(emitted).toEqual(['small']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(emitted).toEqual(['small', 'large']);
  });

  it('keeps a household in feed order: a small broadcast waits behind a waiting large one', async () => {
    const emitted: string[] = [];
    const broadcaster = new Broadcaster();
    broadcaster.attach(recordingNamespace(emitted));
    broadcaster.changes('t1', broadcast('large', 100));
    broadcaster.changes('t1', broadcast('small', 1));
    broadcaster.changes('t2', broadcast('other household', 1));
    expect(emitted).toEqual(['other household']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(emitted).toEqual(['other household', 'large', 'small']);
    broadcaster.changes('t1', broadcast('later', 1));
    expect(emitted.at(-1)).toBe('later');
  });
});
