// The closing's journal entry: a Z report, with its whole figures (what was printed is what the journal keeps).
export const Z_ENTRY = 'closing.z';

export function zNumberText(tillId: string, number: number): string {
  return `${tillId}-Z${String(number).padStart(6, '0')}`;
}
