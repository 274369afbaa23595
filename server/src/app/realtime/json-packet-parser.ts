import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { jsonTextOf } from './json-text';

/**
 * The sync protocol never sends binary data, yet the default encoder walks every emitted
 * payload looking for Buffers before serialising it — for a 500-row broadcast that walk costs
 * as much as the JSON itself. This encoder writes the same text packets without the walk, so
 * standard Socket.IO clients read them unchanged, and uses JSON the sender computed in advance.
 */
class JsonPacketEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    if (packet.type !== PacketType.EVENT && packet.type !== PacketType.ACK)
      return super.encode(packet);
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += encodeData(packet.data);
    return [text];
  }
}

/** JSON of a packet's arguments, with the text of arguments encoded in advance (see withJsonText) spliced in. */
function encodeData(data: unknown): string {
  if (!Array.isArray(data) || !data.some((item) => jsonTextOf(item) !== undefined))
    return JSON.stringify(data);
  // As JSON.stringify writes array items: undefined and functions become null.
  return `[${data.map((item) => jsonTextOf(item) ?? JSON.stringify(item) ?? 'null').join(',')}]`;
}

export const jsonPacketParser = { Encoder: JsonPacketEncoder, Decoder };
