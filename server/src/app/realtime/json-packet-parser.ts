import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

/**
 * The sync protocol never sends binary data, yet the default encoder walks every emitted
 * payload looking for Buffers before serialising it — for a 500-row broadcast that walk costs
 * as much as the JSON itself. This encoder writes the same text packets without the walk, so
 * standard Socket.IO clients read them unchanged.
 */
class JsonPacketEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    if (packet.type !== PacketType.EVENT && packet.type !== PacketType.ACK) {
      return super.encode(packet);
    }
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += JSON.stringify(packet.data);
    return [text];
  }
}

export const jsonPacketParser = { Encoder: JsonPacketEncoder, Decoder };
