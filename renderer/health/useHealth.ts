// The health report for the top bar: read at start and every minute (getHealth asks no device, so this costs
// the till nothing at the counter); the health page asks for a fresh check (checkHealth) when it opens.
import { useCallback, useEffect, useState } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { HealthReport } from '../../preload/contract/health';

export const HEALTH_POLL_MS = 60_000;

export function useHealth(api: NuqtaApi) {
  const [report, setReport] = useState<HealthReport | null>(null);

  const read = useCallback(async () => {
    const r = await api.getHealth({});
    if (r.ok) setReport(r.value);
  }, [api]);

  const check = useCallback(async () => {
    const r = await api.checkHealth({});
    if (r.ok) setReport(r.value);
    return r;
  }, [api]);

  useEffect(() => {
    void read();
    const timer = setInterval(() => void read(), HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [read]);

  return { report, check };
}

export type HealthState = ReturnType<typeof useHealth>;
