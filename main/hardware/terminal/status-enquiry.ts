// The completion that ends a Status-Enquiry (05 01) is not BMP-tagged like every other 06 0F:
// `06 0F xx [<SW version, LLLVAR>] <terminal status, 1 byte> [06 <TLV>]` ([S] §2.56.5). Whether
// the version is there depends on the service byte the ECR sent, and real terminals also omit it
// unasked, so the parser recognises it by its shape: an LLLVAR starts with three Fx bytes, and
// after the status byte only the TLV container (06) may follow, which never looks like one.
import { decodeBcd, encodeBcd } from './bcd';
import { BMP, concat, decodeBmps, encodeBmp } from './bmp';
import { fail, ok, type TerminalResult } from './result';
import { decodeText, encodeText } from './text';
import { decodeTlv, encodeTlv, findTlv, type Tlv } from './tlv';

/** Service byte bits of 05 01 ([S] Table 12). */
export const ENQUIRY_SERVICE = { noServiceMenu: 0x01, omitSoftwareVersion: 0x02, sendTlv: 0x04 } as const;

const TAG_TERMINAL_ID = 0x1f44;
const TAG_DEVICE_INFO = 0xe4;
const TAG_DEVICE_NAME = 0x1f40;

// Terminal status codes, [S] §11 (the same list as ecrterm's TERMINAL_STATUS_CODES and EVerest's
// TerminalStatusCode).
const TERMINAL_STATUS_NAMES: Record<number, string> = {
  0x00: 'ready',
  0x51: 'initialisation_required',
  0x62: 'date_time_incorrect',
  0x9c: 'please_wait',
  0x9d: 'partial_issue_of_goods',
  0xb1: 'memory_full',
  0xb2: 'merchant_journal_full',
  0xbf: 'voltage_too_low',
  0xc0: 'card_lock_defective',
  0xc1: 'merchant_card_locked',
  0xc2: 'diagnosis_required',
  0xc4: 'card_profile_invalid',
  0xcc: 'printer_not_ready',
  0xdc: 'card_inserted',
  0xdf: 'out_of_order',
  0xe0: 'remote_maintenance',
  0xe1: 'card_not_removed',
  0xe2: 'card_reader_defective',
  0xe3: 'shutter_closed',
  0xe4: 'activation_required',
  0xf0: 'reconciliation_required',
  0xf6: 'opt_data_missing',
};

export const TERMINAL_STATUS = { ready: 0x00, pleaseWait: 0x9c } as const;

/** `0x00` -> `terminal.status.ready`; unlisted codes -> `terminal.status.unknown`. */
export function terminalStatusKey(code: number | null): string {
  return `terminal.status.${(code !== null && TERMINAL_STATUS_NAMES[code]) || 'unknown'}`;
}

export interface StatusEnquiryCompletion {
  softwareVersion: string | null;
  /** The raw terminal status code; null only when a non-conforming terminal sent none. */
  terminalStatus: number | null;
  /** `terminal.status.<name>`, a translation key */
  terminalStatusKey: string;
  /** TLV 1F44, sent when the service byte asked for the TLV container (some terminals always do). */
  terminalId: string | null;
  /** TLV E4 / 1F40 */
  deviceName: string | null;
}

function lllvarLength(data: Uint8Array): number | null {
  if (data.length < 3) return null;
  let n = 0;
  for (let i = 0; i < 3; i++) {
    const b = data[i] ?? 0;
    if (b >> 4 !== 0x0f || (b & 0x0f) > 9) return null;
    n = n * 10 + (b & 0x0f);
  }
  return n;
}

export function parseStatusEnquiryCompletion(data: Uint8Array): TerminalResult<StatusEnquiryCompletion> {
  let at = 0;
  let softwareVersion: string | null = null;
  const len = lllvarLength(data);
  // The version is there only if a status byte still follows it.
  if (len !== null && 3 + len < data.length) {
    softwareVersion = decodeText(data.subarray(3, 3 + len)).trim();
    at = 3 + len;
  }
  const terminalStatus = data[at] ?? null;
  const out: StatusEnquiryCompletion = {
    softwareVersion,
    terminalStatus,
    terminalStatusKey: terminalStatusKey(terminalStatus),
    terminalId: null,
    deviceName: null,
  };
  if (at + 1 >= data.length) return ok(out);
  const fields = decodeBmps(data.subarray(at + 1));
  if (!fields.ok) return fields;
  const container = fields.value.find((f) => f.id === BMP.tlv);
  if (!container) return ok(out);
  const tlv = decodeTlv(container.value);
  if (!tlv.ok) return tlv;
  const tid = findTlv(tlv.value, TAG_TERMINAL_ID);
  if (tid) {
    const d = decodeBcd(tid.value);
    if (!d.ok) return d;
    out.terminalId = d.value;
  }
  const name = findTlv(tlv.value, TAG_DEVICE_NAME);
  if (name) out.deviceName = decodeText(name.value).trim();
  return ok(out);
}

/** The simulator's side. `withTlv` follows service-byte bit 2; `withVersion` the inverse of bit 1. */
export function encodeStatusEnquiryCompletion(c: {
  softwareVersion: string;
  terminalStatus: number;
  terminalId: string;
  deviceName: string;
  withVersion: boolean;
  withTlv: boolean;
}): TerminalResult<Uint8Array> {
  const parts: Uint8Array[] = [];
  if (c.withVersion) {
    const text = encodeText(c.softwareVersion);
    if (text.length > 999) return fail('codec.value_out_of_range', { field: 'softwareVersion' });
    const digits = String(text.length).padStart(3, '0');
    parts.push(Uint8Array.from([...digits].map((d) => 0xf0 | Number(d))), text);
  }
  parts.push(Uint8Array.of(c.terminalStatus));
  if (c.withTlv) {
    const tid = encodeBcd(c.terminalId.padStart(8, '0').slice(-8), 4);
    if (!tid.ok) return tid;
    const tlv: Tlv[] = [
      { tag: TAG_TERMINAL_ID, value: tid.value },
      { tag: TAG_DEVICE_INFO, value: new Uint8Array(0), children: [{ tag: TAG_DEVICE_NAME, value: encodeText(c.deviceName) }] },
    ];
    const container = encodeBmp(BMP.tlv, encodeTlv(tlv));
    if (!container.ok) return container;
    parts.push(container.value);
  }
  return ok(concat(parts));
}
