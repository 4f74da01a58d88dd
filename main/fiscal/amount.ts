// Halalas to the decimal text ZATCA expects in QR tags 4 and 5 ("100.00"), with integer math only: a float
// division by 100 can print 0.1 + 0.2 style artefacts, and the QR must match the invoice text exactly.
export function halalasToSar(halalas: number): string {
  if (!Number.isSafeInteger(halalas)) throw new RangeError(`${halalas} is not a whole number of halalas`);
  const sign = halalas < 0 ? '-' : '';
  const abs = Math.abs(halalas);
  const riyals = Math.floor(abs / 100);
  const rest = abs - riyals * 100;
  return `${sign}${riyals}.${rest < 10 ? '0' : ''}${rest}`;
}
