import { WsMessageReader } from './ws-message-reader';

/** One frame as RFC 6455 lays it out, masked like a client's. */
function frame(
  text: string,
  options: { mask?: boolean; fin?: boolean; opcode?: number } = {},
): Buffer {
  const payload = Buffer.from(text);
  const { mask = true, fin = true, opcode = 0x1 } = options;
  const head: number[] = [(fin ? 0x80 : 0) | opcode];
  const lengthBits = payload.length < 126 ? payload.length : payload.length < 65536 ? 126 : 127;
  head.push((mask ? 0x80 : 0) | lengthBits);
  const extra =
    lengthBits === 126 ? Buffer.alloc(2) : lengthBits === 127 ? Buffer.alloc(8) : Buffer.alloc(0);
  if (lengthBits === 126) extra.writeUInt16BE(payload.length);
  if (lengthBits === 127) extra.writeBigUInt64BE(BigInt(payload.length));
  const key = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload);
  if (mask) for (let i = 0; i < body.length; i += 1) body[i] ^= key[i & 3];
  return Buffer.concat([Buffer.from(head), extra, mask ? key : Buffer.alloc(0), body]);
}

describe('WsMessageReader', () => {
  it('skips the upgrade, unmasks, handles every length form and split chunks', () => {
    const seen: string[] = [];
    let closes = 0;
    const reader = new WsMessageReader(
      (text) => seen.push(text),
      () => (closes += 1),
    );
    const big = '42/sync,1["sync:push",' + 'x'.repeat(70_000) + ']';
    const bytes = Buffer.concat([
      Buffer.from('GET /socket.io/?EIO=4 HTTP/1.1\r\nUpgrade: websocket\r\n\r\n'),
      frame('2', { mask: false }),
      frame('40/sync,{}'),
      frame('x'.repeat(300)),
      frame(big),
      frame('', { opcode: 0x9 }),
      frame('43/sync,', { fin: false }),
      frame('1[{}]', { opcode: 0x0 }),
      frame('', { opcode: 0x8 }),
    ]);
    for (let i = 0; i < bytes.length; i += 977) reader.push(bytes.subarray(i, i + 977));
    expect(seen).toEqual(['2', '40/sync,{}', 'x'.repeat(300), big, '43/sync,1[{}]']);
    expect(closes).toBe(1);
  });
});
