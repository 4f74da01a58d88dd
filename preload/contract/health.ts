// The till's health as the admin and the manager read it: one check per thing that can stop a sale or a
// legal receipt (devices, providers, certificates, disk, backups, the clock), each with what to do about it.
import { z } from 'zod';
import { BilingualText } from './schemas';

export const HealthCheckId = z.enum(['terminal', 'printer', 'stcpay', 'certificates', 'einvoicing', 'disk', 'backup', 'clock', 'people']);
export type HealthCheckId = z.infer<typeof HealthCheckId>;

export const HealthCheck = z.object({
  id: HealthCheckId,
  /** ok; warning: act soon; problem: the till cannot do this now; off: not set up on this till. */
  state: z.enum(['ok', 'warning', 'problem', 'off']),
  summary: BilingualText,
  /** What to do, when there is something to do. */
  action: BilingualText.nullable(),
  /** Figures behind the summary (latency, days to expiry, free space), for the page and the support bundle. */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type HealthCheck = z.infer<typeof HealthCheck>;

export const HealthReport = z.object({
  checkedAt: z.string(),
  checks: z.array(HealthCheck),
});
export type HealthReport = z.infer<typeof HealthReport>;
