// FATOORA's base URLs (zatca.md §4, from Odoo's l10n_sa_edi). The sandbox (developer portal) takes any request
// signed with ZATCA's published test certificate; simulation is the taxpayer's rehearsal of production with
// real onboarding; core is production. `simulator` is ours (main/sim/zatca): its URL is known only once it runs.
export type PlatformEnvironment = 'sandbox' | 'simulation' | 'production' | 'simulator';

export const PLATFORM_BASE_URLS: Readonly<Record<Exclude<PlatformEnvironment, 'simulator'>, string>> = {
  sandbox: 'https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal/',
  simulation: 'https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation/',
  production: 'https://gw-fatoora.zatca.gov.sa/e-invoicing/core/',
};

/**
 * The base URL for an environment. `customUrl` (the simulator's, a private test host) replaces it and is the only
 * way to name the simulator's. Always https, always ending in '/', so paths are appended, never replaced.
 */
export function platformBaseUrl(environment: PlatformEnvironment, customUrl?: string): string {
  const url = customUrl ?? (environment === 'simulator' ? undefined : PLATFORM_BASE_URLS[environment]);
  if (!url) throw new RangeError('the simulator environment needs the simulator\'s URL');
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new RangeError(`FATOORA is reached over https only, not ${parsed.protocol}`);
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.toString();
}
