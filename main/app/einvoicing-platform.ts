// Where e-invoicing reports, per environment, made once for the till's life: ZATCA's FATOORA (sandbox,
// simulation, production) over the public roots, or the platform simulator (demo, training, tests), whose own
// CA is then the only one trusted.
import { createPlatformClient, platformBaseUrl, type PlatformAccess } from '../einvoicing';
import type { UnitEnvironment } from '../einvoicing';
import type { TillSimulators } from '../sim';

export function createPlatformAccess(simulators: TillSimulators) {
  const made = new Map<UnitEnvironment, Promise<PlatformAccess>>();
  const closers: Array<() => Promise<void>> = [];
  const make = async (environment: UnitEnvironment): Promise<PlatformAccess> => {
    if (environment !== 'simulator') return { environment, client: createPlatformClient({ baseUrl: platformBaseUrl(environment) }) };
    const sim = await simulators.einvoicing();
    closers.push(sim.close);
    return { environment, client: createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem }), simulator: { otp: sim.otp, adopt: sim.adopt } };
  };
  return {
    access(environment: UnitEnvironment): Promise<PlatformAccess> {
      let access = made.get(environment);
      if (!access) made.set(environment, (access = make(environment)));
      return access;
    },
    async close(): Promise<void> {
      made.clear();
      await Promise.all(closers.splice(0).map((close) => close().catch(() => undefined)));
    },
  };
}
