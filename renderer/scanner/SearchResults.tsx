import { useTranslation } from 'react-i18next';
import type { ProductHit } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { SEARCH_LIST_ID } from './ScanField';
import type { SearchState } from './useCatalogSearch';

export const hitOptionId = (index: number): string => `search-hit-${index}`;

interface Props {
  results: SearchState;
  onPick(hit: ProductHit): void;
}

export function SearchResults({ results, onPick }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ul className="results" id={SEARCH_LIST_ID} role="listbox" aria-label={t('scan.resultsLabel')} data-testid="search-results">
      {results.hits.length === 0 && <li className="results__empty">{t('scan.noResults')}</li>}
      {results.hits.map((hit, i) => (
        <li
          key={hit.productId}
          id={hitOptionId(i)}
          role="option"
          aria-selected={i === results.active}
          className={`results__hit${i === results.active ? ' results__hit--active' : ''}`}
          data-testid="search-hit"
          data-product-id={hit.productId}
          data-barcode={hit.barcode}
          onClick={() => onPick(hit)}
        >
          <span className="results__name">{f.locale === 'ar' ? hit.nameAr : hit.nameEn}</span>
          <span className="results__alt">{f.locale === 'ar' ? hit.nameEn : hit.nameAr}</span>
          <span className="results__barcode">{hit.barcode}</span>
          <span className="results__price">{f.money(hit.priceHalalas)}</span>
        </li>
      ))}
    </ul>
  );
}
