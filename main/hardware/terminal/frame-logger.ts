// Protocol traces are how terminal problems get diagnosed in the field, but a raw hex dump of a
// status information or a receipt line can hold card data. So the logger never sees raw bytes of
// card-bearing messages: it gets a decoded summary in which the PAN is re-masked and secrets
// (tracks, CVV) never appear. Messages we cannot decode are logged by header and length only.
import { commandName, hex, type Apdu } from './apdu';
import { SECRET_BMPS, decodeBmps } from './bmp';
import { maskPan, decodePanBcd, redactDigitRuns } from './pan';
import { parsePtMessage } from './pt-messages';

export type LinkEvent =
  | { type: 'apdu'; dir: 'tx' | 'rx'; apdu: Apdu }
  | { type: 'link'; dir: 'tx' | 'rx'; what: 'ack' | 'nak' | 'retransmit' | 'noise' | 'frame_error' | 'timeout' | 'closed'; detail?: string };

export type FrameLogger = (event: LinkEvent) => void;

// Commands and acknowledgements that never carry card data: safe to log as hex.
const PLAIN = new Set(['80 00', '06 00', '06 01', '06 02', '06 20', '06 30', '06 31', '06 50', '05 01', '06 b0', '04 ff', '06 1e', '06 0f']);

export function describeApdu(a: Apdu): string {
  const name = commandName(a);
  if (a.cls === 0x84) return `${name} len=${a.data.length}`;
  if (PLAIN.has(name) && a.data.length <= 64) {
    return `${name} ${hex(a.data)}`.trim();
  }
  const parsed = parsePtMessage(a);
  if (!parsed.ok) return `${name} len=${a.data.length} (undecoded: ${parsed.error.code})`;
  const m = parsed.value;
  switch (m.kind) {
    case 'status': {
      const i = m.info;
      const parts = [
        `result=${i.resultCode.toString(16)}`,
        i.amountMinor !== null ? `amount=${i.amountMinor}` : '',
        i.receiptNo !== null ? `receipt=${i.receiptNo}` : '',
        i.trace !== null ? `trace=${i.trace}` : '',
        i.maskedPan ? `pan=${maskPan(i.maskedPan)}` : '',
        i.brand ? `brand=${i.brand}` : '',
        i.authCode ? `auth=${i.authCode}` : '',
      ];
      return `${name} status ${parts.filter(Boolean).join(' ')}`;
    }
    case 'print_line':
      return `${name} line "${redactDigitRuns(m.line.text)}"`;
    case 'text_block':
      return `${name} block ${m.receiptType} ${m.lines.length} lines`;
    default: {
      // Unknown message: show which BMPs it holds, never their values.
      const f = decodeBmps(a.data);
      const ids = f.ok
        ? f.value.map((x) =>
            SECRET_BMPS.has(x.id) ? `${x.id.toString(16)}=<secret>` : x.id === 0x22 ? `22=${maskPan(decodePanBcd(x.value))}` : x.id.toString(16),
          )
        : [];
      return `${name} len=${a.data.length}${ids.length ? ` bmps=${ids.join(',')}` : ''}`;
    }
  }
}

export function formatLinkEvent(e: LinkEvent): string {
  const arrow = e.dir === 'tx' ? '->' : '<-';
  return e.type === 'apdu' ? `${arrow} ${describeApdu(e.apdu)}` : `${arrow} [${e.what}]${e.detail ? ` ${redactDigitRuns(e.detail)}` : ''}`;
}

/** A logger that writes one redacted line per event, with a timestamp. */
export function createFrameLogger(write: (line: string) => void, clock: () => Date = () => new Date()): FrameLogger {
  return (e) => write(`${clock().toISOString()} ${formatLinkEvent(e)}`);
}

export const silentLogger: FrameLogger = () => undefined;
