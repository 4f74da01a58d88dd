// Store credit on the returns desk (F7): a voucher's balance and state by its number (typed, or its QR scanned
// into the field), and — for a manager — voiding one that was lost, stolen or issued in error (VoidVoucherDialog).
// Main reads the number (spaces, case) and says what it is; this view computes nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { StoreCreditVoucher } from '../../preload/contract/credit';
import { groupedVoucherNumber } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { useShown } from '../people/mayShow';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import type { BannerControls } from '../shell/useBanner';
import { useBannerCall } from '../terminal/useBannerCall';
import { VoidVoucherDialog } from './VoidVoucherDialog';

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
}

export function VoucherLookup({ api, banner }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { busy, call } = useBannerCall(banner);
  const shown = useShown('returnsDesk');
  const [text, setText] = useState('');
  const [voucher, setVoucher] = useState<StoreCreditVoucher | null>(null);
  const [voiding, setVoiding] = useState(false);

  const look = async (value: string): Promise<void> => {
    setVoucher(null);
    if (!value.trim()) return;
    const found = await call(() => api.getStoreCredit({ voucherNo: value.trim() }));
    if (found) setVoucher(found);
  };

  return (
    <div className="voucher-lookup" data-testid="voucher-lookup">
      <div className="returns-desk__lookup">
        <TextField
          label={t('credit.lookupLabel')}
          data-testid="voucher-lookup-input"
          dir="ltr"
          placeholder="SC 0000 0000 0000 0"
          maxLength={40}
          value={text}
          onValue={setText}
          // Looking up changes nothing: a scanner's Enter may do it.
          onEnter={(v) => void look(v)}
        />
        <button type="button" className="btn btn--secondary" data-testid="voucher-lookup-go" disabled={busy} onClick={() => void look(text)}>
          {t('credit.lookup')} <Kbd k="enter" />
        </button>
      </div>
      {voucher && (
        <div className="voucher-lookup__card" role="status" data-testid="voucher-lookup-result" data-state={voucher.state}>
          <p>
            <bdi dir="ltr">{groupedVoucherNumber(voucher.voucherNo)}</bdi> — {t(`credit.state_${voucher.state}`)}
          </p>
          <p>{t('credit.balance', { balance: f.money(voucher.balanceHalalas), issued: f.money(voucher.issuedHalalas), returnNo: voucher.returnNo })}</p>
          {voucher.state === 'active' && shown.voidCredit && (
            <button type="button" className="btn btn--danger" data-testid="voucher-void" disabled={busy} onClick={() => setVoiding(true)}>
              {t('credit.void')}
            </button>
          )}
        </div>
      )}
      {voiding && voucher && (
        <VoidVoucherDialog
          api={api}
          banner={banner}
          voucher={voucher}
          onVoided={(v) => {
            setVoucher(v);
            setVoiding(false);
          }}
          onClose={() => setVoiding(false)}
        />
      )}
    </div>
  );
}
