// The one image shape the encoders take: 1 bit per pixel, rows packed MSB first, 1 = black (a dot). This
// is also what the renderer returns, so a receipt goes to the printer without conversion.
export interface MonoImage {
  width: number;
  height: number;
  /** ceil(width / 8) bytes per row, `height` rows. */
  data: Uint8Array;
}

export const rowBytesOf = (width: number): number => Math.ceil(width / 8);
