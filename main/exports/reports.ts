// The X and Z reports as files for the manager: CSV (a spreadsheet) or, for a Z, PDF (to keep or send).
import type { ExportedFile, ExportFormat } from '../../preload/contract';
import type { Closing } from '../closing';
import { toCsv } from './csv';
import { writeExport, xFileStem, zFileStem } from './files';
import { REPORT_HEADER, reportRows } from './report-rows';
import type { PdfShop } from './z-pdf';

export interface ReportExportDeps {
  dataDir: string;
  closing: Pick<Closing, 'xReport' | 'zReport'>;
  shop: () => PdfShop;
}

export function createReportExports(deps: ReportExportDeps) {
  return {
    async exportZ(number: number, format: ExportFormat): Promise<ExportedFile> {
      const z = deps.closing.zReport(number);
      const stem = zFileStem(z.number, z.closedAt);
      if (format === 'pdf') {
        // pdfkit and its font engine (~10 MB resident, ~40 ms to load) are loaded on the first PDF, not at start.
        const { zReportPdf } = await import('./z-pdf');
        return writeExport(deps.dataDir, `${stem}.pdf`, await zReportPdf(z, deps.shop()));
      }
      return writeExport(deps.dataDir, `${stem}.csv`, toCsv(REPORT_HEADER, reportRows(z.report, z)));
    },
    exportX(): ExportedFile {
      const x = deps.closing.xReport();
      return writeExport(deps.dataDir, `${xFileStem(x.to)}.csv`, toCsv(REPORT_HEADER, reportRows(x)));
    },
  };
}
export type ReportExports = ReturnType<typeof createReportExports>;
