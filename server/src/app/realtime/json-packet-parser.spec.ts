import fc from 'fast-check';
import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { jsonPacketParser } from './json-packet-parser';

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
});
