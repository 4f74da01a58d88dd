// QR symbols drawn module by module straight into the 1-bit image: no scaling, so every module is an
// exact square of dots and the code scans from thermal paper. Error correction M (15 %) tolerates a
// worn head line without making the ZATCA QR (100-200 Base64 characters) too big for 58 mm paper.
import QRCode from 'qrcode';
import { MonoBitmap } from './bitmap';

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (r, c) => data[r * size + c] === 1 };
}

/** The QR as a bitmap of size × moduleDots dots square, with no quiet zone (the layout leaves white). */
export function qrBitmap(matrix: QrMatrix, moduleDots: number): MonoBitmap {
  const side = matrix.size * moduleDots;
  const bmp = new MonoBitmap(side, side);
  for (let r = 0; r < matrix.size; r++) {
    for (let c = 0; c < matrix.size; c++) if (matrix.dark(r, c)) bmp.fillRect(c * moduleDots, r * moduleDots, moduleDots, moduleDots);
  }
  return bmp;
}
