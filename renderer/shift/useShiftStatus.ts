// The till's shift as the top bar shows it: asked once the till is connected (and again after a lost connection),
// whenever the shift screen closes (it may have opened, moved or closed one) and when a sale starts or completes
// (a demo till opens its shift by itself on the first item). A failed ask keeps what was shown.
import { useCallback, useEffect, useState } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ConnectionState } from '../api/carrier';
import type { Sale } from '../../preload/contract/schemas';
import type { ShiftStatus } from '../../preload/contract/shifts';

export function useShiftStatus(api: NuqtaApi, connection: ConnectionState, sale: Sale | null, shiftScreenOpen: boolean): ShiftStatus | null {
  const [status, setStatus] = useState<ShiftStatus | null>(null);
  const refresh = useCallback(() => {
    void api.getShift({}).then((answer) => {
      if (answer.ok) setStatus(answer.value);
    });
  }, [api]);
  const started = (sale?.lines.length ?? 0) > 0;
  const connected = connection === 'connected';
  useEffect(() => {
    if (connected && !shiftScreenOpen) refresh();
  }, [refresh, connected, shiftScreenOpen, started]);
  useEffect(() => api.onSaleCompleted(() => refresh()), [api, refresh]);
  return status;
}
