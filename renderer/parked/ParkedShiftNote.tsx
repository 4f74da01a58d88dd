// On the shift's closing count: how many parked sales wait on this till. A shift closes with them (parking is
// refused while money is on a sale, so they hold none), and they stay parked for the next shift to recall or void;
// the note makes sure nobody closes the day without knowing they are there.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import { useFormat } from '../format/FormatContext';

export function ParkedShiftNote({ api }: { api: NuqtaApi }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void api.listParkedSales({}).then((r) => {
      if (live && r.ok) setCount(r.value.length);
    });
    return () => {
      live = false;
    };
  }, [api]);
  if (count === 0) return null;
  return (
    <p className="shift__note" role="status" data-testid="shift-parked-note">
      {t('parked.shiftNote')} <bdi>{f.int(count)}</bdi>
    </p>
  );
}
