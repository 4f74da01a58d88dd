// JSON the simulator sends, with amounts as bare decimal numbers (as STC Pay's .NET service would serialise a
// double) but produced from integer halalas by string arithmetic, so the till's float-free parsing is exercised.
import { halalasToSar } from '../../payments/stcpay';

const MARK = '\u0000dec:';

/** A value that becomes a bare JSON number like 12.34 in encode(). */
export const decimal = (halalas: number): string => `${MARK}${halalas === 0 ? '0.00' : halalas > 0 ? halalasToSar(halalas) : `-${halalasToSar(-halalas)}`}`;

export function encode(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000dec:(-?\d+\.\d{2})"/g, '$1');
}

export const errorBody = (code: string, text: string, type = 1): string => encode({ Code: Number(code), Text: text, Type: type });
