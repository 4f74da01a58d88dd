// Every document, newest first, a page at a time, filtered by state: receipt number, ICV, type, date and state
// per row; the chosen one's details (ZATCA's messages, the hashes) beside the list.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EinvoiceCounts, EinvoiceItem, EinvoicePage, EinvoiceState } from '../../../preload/contract/einvoicing';
import { useFormat } from '../../format/FormatContext';
import { DocumentDetail } from './DocumentDetail';
import { pageCount, totalFor } from './einvoicingView';
import type { Labels } from './useLabels';

const FILTERS: ReadonlyArray<EinvoiceState | null> = [null, 'waiting', 'reported', 'warned', 'rejected'];

const keyOf = (d: EinvoiceItem) => `${d.egsId}#${d.icv}`;

interface Props {
  documents: EinvoicePage | null;
  /** Each state's count for the filter buttons: the page's own when it is in (read with its items). */
  counts: EinvoiceCounts;
  filter: EinvoiceState | null;
  busy: boolean;
  labels: Labels;
  onFilter(state: EinvoiceState | null): void;
  onPage(page: number): void;
  reissue: Parameters<typeof DocumentDetail>[0]['reissue'];
}

// Buttons say they are unavailable (aria-disabled) rather than being disabled: a disabled button drops the
// keyboard focus out of the dialog, and Esc would then no longer close it.
export function DocumentList({ documents, counts, filter, busy, labels, onFilter, onPage, reissue }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [selected, setSelected] = useState<string | null>(null);
  const items = documents?.items ?? [];
  const chosen = items.find((d) => keyOf(d) === selected) ?? items[0] ?? null;

  // A new page or filter starts on its first document.
  useEffect(() => setSelected(null), [documents]);

  const page = documents?.page ?? 0;
  const pages = documents ? pageCount(documents.total, documents.pageSize) : 1;

  return (
    <section className="einv-docs" aria-labelledby="einv-docs-title" data-testid="einv-documents" data-total={documents?.total ?? ''} data-filter={filter ?? 'all'}>
      <div className="einv-docs__head">
        <h3 id="einv-docs-title" className="einv__title">
          {t('einvoicing_admin.docs_title')}
        </h3>
        <div className="einv-filters" role="group" aria-label={t('einvoicing_admin.docs_title')}>
          {FILTERS.map((state) => (
            <button
              key={state ?? 'all'}
              type="button"
              className={filter === state ? 'btn btn--primary einv-filter' : 'btn btn--secondary einv-filter'}
              aria-pressed={filter === state}
              data-testid={`einv-filter-${state ?? 'all'}`}
              aria-disabled={busy}
              onClick={() => !busy && onFilter(state)}
            >
              {state ? labels.state(state) : t('einvoicing_admin.filter_all')} ({f.int(totalFor(counts, state))})
            </button>
          ))}
        </div>
      </div>

      <div className="einv-docs__body">
        <div className="einv-docs__list">
          {items.length === 0 ? (
            <p className="einv__hint" data-testid="einv-docs-empty">
              {documents ? t('einvoicing_admin.empty') : t('einvoicing_admin.loading')}
            </p>
          ) : (
            <table className="einv-table">
              <thead>
                <tr>
                  <th scope="col">{t('einvoicing_admin.col_receipt')}</th>
                  <th scope="col">{t('einvoicing_admin.col_icv')}</th>
                  <th scope="col">{t('einvoicing_admin.col_kind')}</th>
                  <th scope="col">{t('einvoicing_admin.col_date')}</th>
                  <th scope="col">{t('einvoicing_admin.col_state')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => {
                  const on = chosen !== null && keyOf(d) === keyOf(chosen);
                  return (
                    <tr
                      key={keyOf(d)}
                      className={on ? 'einv-row einv-row--on' : 'einv-row'}
                      aria-selected={on}
                      tabIndex={0}
                      data-testid="einv-doc"
                      data-receipt-no={d.receiptNo}
                      data-icv={d.icv}
                      data-state={d.state}
                      onClick={() => setSelected(keyOf(d))}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          e.stopPropagation();
                          setSelected(keyOf(d));
                        }
                      }}
                    >
                      <td>
                        <bdi dir="ltr">{d.receiptNo}</bdi>
                      </td>
                      <td>{f.int(d.icv)}</td>
                      <td>{labels.kind(d.kind)}</td>
                      <td>
                        <bdi dir="ltr">{f.dateTime(d.issuedAt)}</bdi>
                      </td>
                      <td>
                        <span className={`einv-state einv-state--${d.state}`}>{labels.state(d.state)}</span>
                        {d.messages.length > 0 && <span className="einv-row__count"> ({f.int(d.messages.length)})</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="einv-pager">
            <button type="button" className="btn btn--secondary" data-testid="einv-page-prev" aria-disabled={busy || page === 0} onClick={() => !busy && page > 0 && onPage(page - 1)}>
              {t('einvoicing_admin.prev')}
            </button>
            <span data-testid="einv-page" data-page={page}>
              {t('einvoicing_admin.pageOf', { page: f.int(page + 1), pages: f.int(pages) })}
            </span>
            <button type="button" className="btn btn--secondary" data-testid="einv-page-next" aria-disabled={busy || page + 1 >= pages} onClick={() => !busy && page + 1 < pages && onPage(page + 1)}>
              {t('einvoicing_admin.next')}
            </button>
          </div>
        </div>
        {chosen ? <DocumentDetail doc={chosen} labels={labels} reissue={reissue} /> : <p className="einv__hint einv-detail-panel">{t('einvoicing_admin.selectHint')}</p>}
      </div>
    </section>
  );
}
