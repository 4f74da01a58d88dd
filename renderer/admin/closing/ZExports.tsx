// Exports of the closing's reports: the X (the open period) as CSV, and each kept Z as CSV or PDF. Main writes the
// file into the till's data folder (exports/) and answers where; the path is shown so the manager can find it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { ZReport } from '../../../preload/contract/closing';
import type { ExportedFile, ExportFormat } from '../../../preload/contract/exports';
import { useFormat } from '../../format/FormatContext';
import type { BannerCall } from '../../terminal/useBannerCall';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
  /** Changes when a Z was just taken: the list is read again. */
  lastZ: number | null;
}

export function ZExports({ api, managerPin, calls, lastZ }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [zs, setZs] = useState<ZReport[]>([]);
  const [saved, setSaved] = useState<ExportedFile | null>(null);

  useEffect(() => {
    // Not through the banner's call: it runs beside the X report's own read, which must not be refused as busy.
    void api.listZReports({ managerPin }).then((r) => r.ok && setZs(r.value));
  }, [lastZ]);

  const exportZ = async (zNumber: number, format: ExportFormat) => {
    const file = await calls.call(() => api.exportZReport({ zNumber, format, managerPin }));
    if (file) setSaved(file);
  };
  const exportX = async () => {
    const file = await calls.call(() => api.exportXReport({ managerPin }));
    if (file) setSaved(file);
  };

  return (
    <section className="xr__exports" data-testid="z-exports">
      <div className="xr__actions">
        <button type="button" className="btn btn--secondary" data-testid="x-export-csv" disabled={calls.busy} onClick={() => void exportX()}>
          {t('exports.x_csv')}
        </button>
      </div>
      {zs.length > 0 && (
        <table className="xr__table">
          <caption>{t('exports.z_title')}</caption>
          <tbody>
            {zs.map((z) => (
              <tr key={z.number} data-testid={`z-row-${z.number}`}>
                <th scope="row">
                  <bdi>{z.zNo}</bdi> · {f.dateTime(z.closedAt)}
                  <span className="xr__zfigures" data-testid={`z-figures-${z.number}`}>
                    {' · '}
                    {t('closing.net')} <bdi>{f.money(z.report.netHalalas)}</bdi> · {t('closing.discounts')}{' '}
                    <bdi>{`${f.int(z.report.discounts.count)} · ${f.money(z.report.discounts.halalas)}`}</bdi>
                    {z.report.shifts.length > 0 && (
                      <>
                        {' · '}
                        {t('closing.overShort')} <bdi>{f.money(z.report.shifts.reduce((sum, sh) => sum + sh.differenceHalalas, 0))}</bdi>
                      </>
                    )}
                    {z.report.reconciliations.some((r) => !r.matched) && (
                      <>
                        {' · '}
                        <span data-testid={`z-terminal-difference-${z.number}`}>{t('closing.terminalDiffers')}</span>
                      </>
                    )}
                  </span>
                </th>
                <td>
                  <button type="button" className="btn btn--secondary" data-testid={`z-export-csv-${z.number}`} disabled={calls.busy} onClick={() => void exportZ(z.number, 'csv')}>
                    CSV
                  </button>{' '}
                  <button type="button" className="btn btn--secondary" data-testid={`z-export-pdf-${z.number}`} disabled={calls.busy} onClick={() => void exportZ(z.number, 'pdf')}>
                    PDF
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {saved && (
        <p className="xr__done" role="status" data-testid="export-saved" data-file={saved.fileName}>
          {t('exports.saved')} <bdi className="xr__path">{saved.path}</bdi>
        </p>
      )}
    </section>
  );
}
