/**
 * Reads the text messages of one direction of a WebSocket connection from the raw TCP bytes
 * (after the HTTP upgrade), so the fault proxy can see which Socket.IO packets pass without
 * terminating the connection itself. Client frames are masked (RFC 6455 §5.3); fragments are
 * joined. Only used in tests: no extensions are negotiated between our client and server.
 */
export class WsMessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  private upgraded = false;
  private fragments: Buffer[] = [];

  constructor(
    private readonly onText: (text: string) => void,
    /** A close frame: this side ended the WebSocket connection itself. */
    private readonly onClose: () => void = () => undefined,
  ) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    if (!this.upgraded) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      this.buffer = this.buffer.subarray(end + 4);
      this.upgraded = true;
    }
    while (this.readFrame());
  }

  private readFrame(): boolean {
    const buffer = this.buffer;
    if (buffer.length < 2) return false;
    const fin = (buffer[0] & 0x80) !== 0;
    const opcode = buffer[0] & 0x0f;
    const masked = (buffer[1] & 0x80) !== 0;
    let length = buffer[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buffer.length < 4) return false;
      length = buffer.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buffer.length < 10) return false;
      length = Number(buffer.readBigUInt64BE(2));
      offset = 10;
    }
    const maskAt = offset;
    if (masked) offset += 4;
    if (buffer.length < offset + length) return false;
    const payload = Buffer.from(buffer.subarray(offset, offset + length));
    if (masked) for (let i = 0; i < payload.length; i += 1) payload[i] ^= buffer[maskAt + (i & 3)];
    this.buffer = buffer.subarray(offset + length);
    // Text frames and their continuations carry packets; of the control frames only close matters.
    if (opcode === 0x8) this.onClose();
    if (opcode === 0x1 || opcode === 0x0) {
      this.fragments.push(payload);
      if (fin) {
        this.onText(Buffer.concat(this.fragments).toString('utf8'));
        this.fragments = [];
      }
    }
    return true;
  }
}
