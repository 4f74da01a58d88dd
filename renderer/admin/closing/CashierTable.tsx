// Per cashier: each one's sales (how many) and net, highest net first as main orders them. One table for the X
// report's tab and the Reports tab, so both read the same.
import { useTranslation } from 'react-i18next';
import type { CashierTotal } from '../../../preload/contract/closing';
import { useFormat } from '../../format/FormatContext';

interface Props {
  cashiers: readonly CashierTotal[];
  testId: string;
}

export function CashierTable({ cashiers, testId }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="xr__table" data-testid={testId}>
      <caption>{t('reports.cashiers')}</caption>
      <tbody>
        {cashiers.map((c) => (
          <tr key={c.cashierId ?? ''}>
            <th scope="row">
              <bdi>{(f.locale === 'ar' ? c.nameAr : c.nameEn) || c.nameAr || c.nameEn || t('reports.noCashier')}</bdi> ({f.int(c.count)})
            </th>
            <td>
              <bdi>{f.money(c.netHalalas)}</bdi>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
