import fc from 'fast-check';
import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { jsonPacketParser } from './json-packet-parser';
import { withJsonText } from './json-text';

describe('jsonPacketParser', () => {
  const standard = new Encoder();
  const fast = new jsonPacketParser.Encoder();

  it.each([
    {
      type: PacketType.EVENT,
      nsp: '/sync',
      data: ['sync:changes', { changes: [{ id: 'x', n: 1, s: 'é' }], cursor: 'c1' }],
    },
    {
      type: PacketType.ACK,
      nsp: '/sync',
      id: 12,
      data: [{ results: [], fromCursor: 'c0', cursor: 'c0' }],
    },
    { type: PacketType.EVENT, nsp: '/', data: ['ping'] },
    { type: PacketType.CONNECT, nsp: '/sync', data: { sid: 'abc' } },
    { type: PacketType.DISCONNECT, nsp: '/sync' },
    {
      type: PacketType.EVENT,
      nsp: '/sync',
      data: [
        'x',
        { a: undefined, b: [undefined, null], c: new Date(0), d: { e: { f: { g: [1] } } } },
      ],
    },
  ])('writes exactly what the standard encoder writes for %j', (packet) => {
    expect(fast.encode(packet)).toEqual(standard.encode(packet));
  });

  it('writes what the standard encoder writes for any JSON payload', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 3 }),
        fc.option(fc.nat(), { nil: undefined }),
        (data, id) => {
          const packet: Packet = {
            type: id === undefined ? PacketType.EVENT : PacketType.ACK,
            nsp: '/sync',
            data: ['e', ...data],
            id,
          };
          expect(fast.encode(packet)).toEqual(standard.encode(packet));
        },
      ),
    );
  });

  it('sends JSON encoded in advance, and the same packet the standard encoder writes', () => {
    const ack = withJsonText({
      results: [{ mutationId: 'm1', status: 'applied', record: { id: 'r1', note: 'ä "q"' } }],
      cursor: 'c1',
    });
    const packet: Packet = { type: PacketType.ACK, nsp: '/sync', id: 7, data: [ack] };
    expect(fast.encode(packet)).toEqual(standard.encode(packet));
    const event: Packet = {
      type: PacketType.EVENT,
      nsp: '/sync',
      data: ['sync:changes', ack, undefined, 3],
    };
    expect(fast.encode(event)).toEqual(standard.encode(event));
  });

  it('uses the text as it was when it was computed (it is not encoded again)', () => {
    const payload = withJsonText({ changes: [] as string[] });
    payload.changes.push('later');
    expect(
      fast.encode({ type: PacketType.EVENT, nsp: '/sync', data: ['sync:changes', payload] }),
    ).toEqual(['2/sync,["sync:changes",{"changes":[]}]']);
  });

  it('keeps the text out of the value: other serialisers see the plain value', () => {
    const value = withJsonText({ a: 1 });
    expect(Object.keys(value)).toEqual(['a']);
    expect(JSON.stringify(value)).toBe('{"a":1}');
    expect({ ...value }).toEqual({ a: 1 });
  });
});
