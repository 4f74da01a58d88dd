// The receipt logo file (`receipt.logoFile`), checked when it is set (checkSettings: the admin screen,
// `nuqta config set`, a provisioning file) and again by printing before it decodes the picture: an absolute path
// to a readable PNG or JPEG of at most 1 MB and 4096 × 4096 pixels. The picture itself is decoded by printing
// (a file whose header is right but whose data is damaged is found at the first receipt, which then carries the
// built-in logo). Stored settings are never checked against the disk: a logo that went missing must not stop the
// till from starting, only put the built-in logo back on the receipt.
import fs from 'node:fs';
import path from 'node:path';

export const LOGO_MAX_BYTES = 1024 * 1024;
/** Either side, in pixels: a larger picture would take hundreds of MB to decode for at most 576 dots of paper. */
export const LOGO_MAX_SIDE = 4096;

export type LogoFileCheck =
  | { ok: true; kind: 'png' | 'jpeg'; width: number; height: number; bytes: Buffer }
  | { ok: false; en: string; ar: string };

const fail = (en: string, ar: string): LogoFileCheck => ({ ok: false, en, ar });

/** Reads and checks the logo file (synchronously: at most 1 MB, read once per change of the setting). */
export function readLogoFile(file: string): LogoFileCheck {
  if (!path.isAbsolute(file)) {
    return fail(
      'the logo file as an absolute path (e.g. C:\\Shop\\logo.png or /home/till/logo.png): the till and nuqta config may run from different folders',
      'مسار ملف الشعار كاملاً (مثل C:\\Shop\\logo.png أو /home/till/logo.png): قد تعمل نقطة البيع وأمر nuqta config من مجلدين مختلفين',
    );
  }
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return fail(`${file} is not a file`, `${file} ليس ملفاً`);
    if (stat.size > LOGO_MAX_BYTES) return tooLarge(stat.size);
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail(`there is no file at ${file}`, `لا يوجد ملف في ${file}`);
    return fail(`${file} cannot be read (${code})`, `تعذرت قراءة ${file} (${code})`);
  }
  if (bytes.length > LOGO_MAX_BYTES) return tooLarge(bytes.length);
  const size = pngSize(bytes) ?? jpegSize(bytes);
  if (!size) return fail(`${file} is not a PNG or JPEG picture`, `${file} ليس صورة PNG أو JPEG`);
  if (size.width < 1 || size.height < 1 || size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE) {
    return fail(
      `a picture of at most ${LOGO_MAX_SIDE} × ${LOGO_MAX_SIDE} pixels (this one is ${size.width} × ${size.height})`,
      `صورة لا تزيد على ${LOGO_MAX_SIDE} × ${LOGO_MAX_SIDE} بكسل (هذه ${size.width} × ${size.height})`,
    );
  }
  return { ok: true, ...size, bytes };
}

function tooLarge(bytes: number): LogoFileCheck {
  return fail(`a logo file of at most 1 MB (this one is ${bytes} bytes): save a smaller PNG or JPEG`, `ملف شعار لا يزيد على ١ ميغابايت (هذا ${bytes} بايت): احفظ صورة PNG أو JPEG أصغر`);
}

type Size = { kind: 'png' | 'jpeg'; width: number; height: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The PNG signature, then the IHDR chunk first, as the format requires: its width and height. */
function pngSize(b: Buffer): Size | null {
  if (b.length < 24 || PNG_SIGNATURE.some((v, i) => b[i] !== v) || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { kind: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** SOI, then the markers up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), which holds the size. */
function jpegSize(b: Buffer): Size | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any frame
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 8 >= b.length) return null;
      return { kind: 'jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}
