// npos (dev-only ESC/POS decoder) ships no types; only the parser is used, as an independent check.
declare module 'npos' {
  interface NposNode {
    ascii: string;
    fn?: string;
    offset: number;
    length: number;
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
