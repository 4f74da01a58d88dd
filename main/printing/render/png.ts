// A minimal PNG codec for 1-bit images: receipts and goldens are stored as 1-bit grayscale PNGs (tiny,
// and byte-identical for identical pixels, unlike a canvas encoder whose output changes between versions).
// The decoder reads only what the encoder writes, plus any row filter, so a golden re-saved by an image
// tool in the same format still loads.
import zlib from 'node:zlib';
import { rowBytesOf, type MonoImage } from '../escpos/image';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG grayscale, 1 bit per pixel. PNG's 1 is white, ours is black, so every byte is inverted. */
export function encodeMonoPng(image: MonoImage): Buffer {
  const rowBytes = rowBytesOf(image.width);
  const raw = Buffer.alloc((rowBytes + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    const o = y * (rowBytes + 1);
    raw[o] = 0; // filter: none
    for (let i = 0; i < rowBytes; i++) raw[o + 1 + i] = ~image.data[y * rowBytes + i]! & 0xff;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(image.width, 0);
  ihdr.writeUInt32BE(image.height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function decodeMonoPng(png: Uint8Array): MonoImage {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 1 || data[9] !== 0 || data[12] !== 0) {
        throw new Error('only 1-bit grayscale, non-interlaced PNGs are supported');
      }
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rowBytes = rowBytesOf(width);
  const data = new Uint8Array(rowBytes * height);
  const prev = new Uint8Array(rowBytes);
  const cur = new Uint8Array(rowBytes);
  for (let y = 0; y < height; y++) {
    const o = y * (rowBytes + 1);
    const filter = raw[o]!;
    for (let i = 0; i < rowBytes; i++) {
      const x = raw[o + 1 + i]!;
      const a = i > 0 ? cur[i - 1]! : 0; // bpp is 1 byte for bit depths below 8
      const b = prev[i]!;
      const c = i > 0 ? prev[i - 1]! : 0;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      cur[i] = v & 0xff;
    }
    for (let i = 0; i < rowBytes; i++) data[y * rowBytes + i] = ~cur[i]! & 0xff;
    prev.set(cur);
  }
  // Clear the padding bits past the last column so two decodes of one picture compare equal.
  const tail = width & 7;
  if (tail) for (let y = 0; y < height; y++) data[y * rowBytes + rowBytes - 1]! &= (0xff00 >> tail) & 0xff;
  return { width, height, data };
}
