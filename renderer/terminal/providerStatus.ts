// Which payment providers get a status light in the top bar, and what it says. Providers reached over the
// internet (STC Pay, a cloud card terminal speaking nexo) are checked by main in the background; the light
// lets a cashier see "STC Pay offline" before trying, and take cash or the counter terminal instead. A direct
// (mada ECR) terminal is only checked on request, so it keeps its own button and gets no light. Pure.
import type { TerminalStatus, TillInfo } from '../../preload/contract/schemas';

export type ProviderHealth = TerminalStatus['health'];
export type ProviderId = 'cloudTerminal' | 'stcpay';

export interface ProviderIndicator {
  id: ProviderId;
  health: ProviderHealth;
  /** Why it is offline, as main put it (the tooltip). */
  detail: string | null;
  checkedAt: string | null;
}

/** A terminal reached through a provider's nexo / Terminal API. */
export const CLOUD_PROTOCOL = 'nexo';

export function providerIndicators(
  status: TerminalStatus | null,
  till: Pick<TillInfo, 'stcPayPayments'> | null,
): ProviderIndicator[] {
  const out: ProviderIndicator[] = [];
  if (status?.configured && status.protocol === CLOUD_PROTOCOL) {
    out.push({ id: 'cloudTerminal', health: status.health, detail: status.detail, checkedAt: status.checkedAt });
  }
  if (status?.stcPay) {
    const { health, detail, checkedAt } = status.stcPay;
    out.push({ id: 'stcpay', health, detail, checkedAt });
  } else if (till?.stcPayPayments) {
    // Configured, but the status has not been read yet (or main could not start it and said nothing more).
    out.push({ id: 'stcpay', health: 'not_checked', detail: null, checkedAt: null });
  }
  return out;
}

/** STC Pay did not answer its last check: said on the STC Pay panel before the cashier sends. */
export function stcPayOffline(status: TerminalStatus | null): boolean {
  return status?.stcPay?.health === 'disconnected';
}
