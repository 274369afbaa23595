import { Encoder, PacketType } from 'socket.io-parser';
import { jsonPacketParser } from './json-packet-parser';

describe('jsonPacketParser', () => {
  const standard = new Encoder();
  const fast = new jsonPacketParser.Encoder();

  it.each([
    { type: PacketType.EVENT, nsp: '/sync', data: ['sync:changes', { changes: [{ id: 'x', n: 1, s: 'é' }], cursor: 'c1' }] },
    { type: PacketType.ACK, nsp: '/sync', id: 12, data: [{ results: [], fromCursor: 'c0', cursor: 'c0' }] },
    { type: PacketType.EVENT, nsp: '/', data: ['ping'] },
    { type: PacketType.CONNECT, nsp: '/sync', data: { sid: 'abc' } },
    { type: PacketType.DISCONNECT, nsp: '/sync' },
  ])('writes exactly what the standard encoder writes for %j', (packet) => {
    expect(fast.encode(packet)).toEqual(standard.encode(packet));
  });
});
