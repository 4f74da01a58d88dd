// A WebSocket client written by hand on a TCP socket, for what a well-behaved library never sends: frames built
// byte by byte (opcode, RSV bits, mask bit, mask key, each payload length form) after a real handshake.
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface RawFrame {
  opcode: number;
  payload: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  /** Clients must mask (RFC 6455 §5.1); false sends the payload bare. Default true. */
  mask?: boolean;
  maskKey?: Buffer;
  /** Which length encoding to use; `auto` picks the shortest. `16` and `64` may encode a short payload long-hand. */
  lengthForm?: 'auto' | '7' | '16' | '64';
  /** A length to declare in the header instead of the payload's own (a header that promises more than is sent). */
  declaredLength?: number;
}

export function encodeFrame(frame: RawFrame): Buffer {
  const { opcode, payload, fin = true, rsv1 = false, mask = true } = frame;
  const length = frame.declaredLength ?? payload.length;
  const form = frame.lengthForm && frame.lengthForm !== 'auto' ? frame.lengthForm : length < 126 ? '7' : length <= 0xffff ? '16' : '64';
  const head: number[] = [(fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (form === '7') {
    head.push(maskBit | length);
  } else if (form === '16') {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(length));
  }
  if (!mask) return Buffer.concat([Buffer.from(head), extended, payload]);
  const key = frame.maskKey ?? randomBytes(4);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(head), extended, key, masked]);
}

export const textFrame = (text: string | Buffer, extra: Partial<RawFrame> = {}): Buffer =>
  encodeFrame({ opcode: OPCODE.text, payload: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), ...extra });

export const closeFrame = (code: number, reason = '', extra: Partial<RawFrame> = {}): Buffer => {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code);
  payload.write(reason, 2);
  return encodeFrame({ opcode: OPCODE.close, payload, ...extra });
};

export interface ServerFrameRead {
  opcode: number;
  payload: Buffer;
}

export interface RawSocket {
  socket: net.Socket;
  write(bytes: Buffer): void;
  /** Frames the server sent, in order. */
  readonly frames: ServerFrameRead[];
  /** The server's close frame: its status code (1005 when it carried none). Rejects if the connection ends first. */
  closeCode(): Promise<number>;
  /** Resolves when the TCP connection is gone (the server ended or destroyed it). */
  ended: Promise<void>;
  /** The next reply frame the server sends (events pushed meanwhile are passed over), parsed. */
  nextReply(): Promise<unknown>;
  destroy(): void;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Opens a TCP socket to the host's `/rpc`, does the opening handshake with `secret`, and checks the server's accept key. */
export async function rawHandshake(port: number, secret: string): Promise<RawSocket> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('error', () => {}); // A reset is how some tests end; `ended` reports it.
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const key = randomBytes(16).toString('base64');
  socket.write(
    [
      'GET /rpc HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Protocol: nuqta.${secret}`,
      '',
      '',
    ].join('\r\n'),
  );

  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const frames: ServerFrameRead[] = [];
  const frameWaiters: Array<() => void> = [];
  let buffer = Buffer.alloc(0);
  let handshakeDone = false;
  let resolveHandshake!: () => void;
  let rejectHandshake!: (e: Error) => void;
  const handshake = new Promise<void>((resolve, reject) => {
    resolveHandshake = resolve;
    rejectHandshake = reject;
  });
  void ended.then(() => rejectHandshake(new Error('closed during the handshake')));

  const parseFrames = () => {
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0]! & 0x0f;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) return;
      frames.push({ opcode, payload: buffer.subarray(offset, offset + length) });
      buffer = buffer.subarray(offset + length);
      for (const wake of frameWaiters.splice(0)) wake();
    }
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!handshakeDone) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 4);
      const expected = createHash('sha1').update(key + GUID).digest('base64');
      if (!head.startsWith('HTTP/1.1 101') || !head.toLowerCase().includes(`sec-websocket-accept: ${expected.toLowerCase()}`)) {
        rejectHandshake(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
        return;
      }
      handshakeDone = true;
      resolveHandshake();
    }
    parseFrames();
  });
  await handshake;

  const waitFor = async <T>(pick: () => T | undefined): Promise<T> => {
    for (;;) {
      const found = pick();
      if (found !== undefined) return found;
      await new Promise<void>((wake) => {
        frameWaiters.push(wake);
        void ended.then(wake);
      });
      if (socket.destroyed && pick() === undefined) throw new Error('the connection closed first');
    }
  };
  let textRead = 0;
  return {
    socket,
    frames,
    write: (bytes) => socket.write(bytes),
    closeCode: () =>
      waitFor(() => {
        const close = frames.find((f) => f.opcode === OPCODE.close);
        if (!close) return undefined;
        return close.payload.length >= 2 ? close.payload.readUInt16BE(0) : 1005;
      }),
    ended,
    nextReply: () =>
      waitFor(() => {
        const texts = frames.filter((f) => f.opcode === OPCODE.text);
        while (textRead < texts.length) {
          const frame = JSON.parse(texts[textRead++]!.payload.toString('utf8')) as { kind?: unknown };
          if (frame.kind === 'reply') return frame as unknown;
        }
        return undefined;
      }),
    destroy: () => socket.destroy(),
  };
}
