// npos (dev-only ESC/POS decoder) ships no types; only the parser is used, as an independent check.
declare module 'npos' {
  interface NposNode {
    ascii: string;
    fn?: string;
    /** Where the command's data starts (for GS v 0: after the 8-byte header). */
    offset: number;
    length: number;
    /** GS v 0: the band's width in dots and its rows. */
    width?: number;
    height?: number;
  }
  interface NposAst {
    tree: NposNode[];
    entries: Array<{ type: string; nodes: NposNode[]; data: unknown }>;
  }
  interface NposParser {
    parse(raw: Buffer): Promise<NposAst>;
  }
  const npos: { parser(): NposParser };
  export default npos;
}
