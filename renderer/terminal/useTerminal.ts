// The card terminal's status as main reports it: read when the link (re)connects and whenever the manager
// opens the panel, then kept live by terminalStatusChanged.
import { useCallback, useEffect, useState } from 'react';
import type { TerminalStatus } from '../../preload/contract/schemas';
import type { Carrier } from '../api/carrier';

export interface TerminalState {
  status: TerminalStatus | null;
  setStatus(status: TerminalStatus): void;
  refresh(): Promise<void>;
}

export function useTerminal(carrier: Carrier, enabled: boolean): TerminalState {
  const { api, connection } = carrier;
  const [status, setStatus] = useState<TerminalStatus | null>(null);

  useEffect(() => api.onTerminalStatusChanged(setStatus), [api]);

  const refresh = useCallback(async () => {
    const r = await api.getTerminalStatus({});
    if (r.ok) setStatus(r.value);
  }, [api]);

  useEffect(() => {
    if (!enabled) return;
    return connection.onConnected(() => void refresh());
  }, [enabled, connection, refresh]);

  return { status, setStatus, refresh };
}
