// From the till's printer settings to an open link: the profile, the transport, and what the status
// screen calls it. The simulator link feeds the virtual printer the composition root hands in.
import type { PrinterSettings } from '../../settings';
import type { PrinterProfile } from '../profiles';
import { createSerialTransport } from '../transport/serial';
import { createTcpTransport } from '../transport/tcp';
import type { PrinterTransport, TimeoutOptions } from '../transport/types';
import { createUsbLpTransport } from '../transport/usb-lp';
import { createWindowsShareTransport } from '../transport/windows-share';
import { resolveProfile } from './profile';
import { createSimTransport } from './sim-transport';
import { PrintServiceError } from './errors';
import type { VirtualPrinterDevice } from './types';

export interface PrinterLink {
  /** The settings this link was opened from (JSON), to notice a change. */
  readonly key: string;
  readonly profile: PrinterProfile;
  readonly transport: PrinterTransport;
  /** For the status screen: "simulator", "TCP 192.0.2.10:9100", "serial /dev/ttyUSB0 @ 9600". */
  readonly description: string;
  /**
   * The printer can be asked for its status: a two-way link and a model that answers DLE EOT. Watching
   * status on a model that never answers would fail every job with a timeout.
   */
  readonly readsStatus: boolean;
}

export interface LinkOptions {
  timeouts?: TimeoutOptions;
  /** The virtual printer for `simulator` links (the caller keeps it across links). */
  virtualPrinter?: ((widthDots: number) => VirtualPrinterDevice) | undefined;
  /** Tests: any transport for any settings. */
  openLink?: (printer: PrinterSettings) => PrinterTransport;
}

function describe(printer: PrinterSettings): string {
  const link = printer.link;
  switch (link.kind) {
    case 'simulator':
      return 'simulator';
    case 'tcp':
      return `TCP ${link.host}:${link.port}`;
    case 'serial':
      return `serial ${link.path} @ ${link.baudRate}`;
    case 'usb_lp':
      return `USB ${link.path}`;
    case 'windows_share':
      return `share ${link.path}`;
  }
}

function openTransport(printer: PrinterSettings, profile: PrinterProfile, options: LinkOptions): PrinterTransport {
  if (options.openLink) return options.openLink(printer);
  const t = options.timeouts ?? {};
  const link = printer.link;
  switch (link.kind) {
    case 'simulator':
      if (!options.virtualPrinter) throw new PrintServiceError('PRINTER_CONFIG', 'printer.link: no virtual printer in this till');
      return createSimTransport(options.virtualPrinter(profile.widthDots), t);
    case 'tcp':
      return createTcpTransport({ ...t, host: link.host, port: link.port });
    case 'serial':
      // No flow-control setting yet: the transport's default (none). Printers that need RTS/CTS for long
      // images need a settings field first (see the service README).
      return createSerialTransport({ ...t, path: link.path, baudRate: link.baudRate });
    case 'usb_lp':
      return createUsbLpTransport({ ...t, path: link.path });
    case 'windows_share':
      return createWindowsShareTransport({ ...t, path: link.path });
  }
}

/** Throws PrintServiceError PRINTER_CONFIG for an unknown profile name. */
export function openPrinterLink(printer: PrinterSettings, options: LinkOptions): PrinterLink {
  const profile = resolveProfile(printer.profile);
  const transport = openTransport(printer, profile, options);
  return {
    key: JSON.stringify(printer),
    profile,
    transport,
    description: options.openLink ? transport.description : describe(printer),
    readsStatus: transport.status !== undefined && profile.status,
  };
}
