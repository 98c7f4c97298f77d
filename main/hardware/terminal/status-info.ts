// Status information (04 0F) is the one message that carries the payment's outcome and the
// receipt data. Parsing turns it into plain data with the PAN re-masked and every secret field
// (tracks, CVV) dropped, so nothing downstream can store what it should not have.
import { decodeBcd, decodeBcdNumber, encodeAmount, encodeBcd } from './bcd';
import { BMP, concat, decodeBmps, encodeBmps, type BmpField } from './bmp';
import { resultKey } from './codes';
import { decodePanBcd, encodePanBcd, maskPan, redactDigitRuns } from './pan';
import { fail, ok, type TerminalResult } from './result';
import { decodeText, encodeText } from './text';
import { decodeTlv, encodeTlv, findTlv, type Tlv } from './tlv';

export type EntryMode = 'chip' | 'contactless' | 'magstripe' | 'manual' | 'unknown';

export interface BrandTotal {
  brand: string;
  count: number;
  amountMinor: number;
}

export interface BatchTotals {
  receiptFrom: number;
  receiptTo: number;
  brands: BrandTotal[];
}

export interface StatusInformation {
  resultCode: number;
  /** `terminal.result.<name>` */
  result: string;
  amountMinor: number | null;
  currency: number | null;
  trace: number | null;
  originalTrace: number | null;
  receiptNo: number | null;
  turnoverNo: number | null;
  /** `HH:MM:SS` terminal local time */
  time: string | null;
  /** `MM-DD`; ZVT sends no year */
  date: string | null;
  /** At most first 6 / last 4 digits, the rest `*`. */
  maskedPan: string | null;
  cardType: number | null;
  cardName: string | null;
  brand: string | null;
  authCode: string | null;
  terminalId: string | null;
  vuNumber: string | null;
  entryMode: EntryMode;
  signatureRequired: boolean;
  additionalText: string | null;
  totals: BatchTotals | null;
}

// ZVT card type (BMP 8A) to a brand label, used when the terminal sends no card name.
const CARD_TYPES: Record<number, string> = { 0x05: 'girocard', 0x06: 'Mastercard', 0x08: 'American Express', 0x0a: 'VISA', 0x0c: 'Diners', 0x0e: 'JCB' };
export const TOTAL_BRANDS = ['girocard', 'JCB', 'Mastercard', 'American Express', 'VISA', 'Diners', 'other'] as const;

// EMV tags some terminals forward in the TLV container: POS entry mode and CVM results. The CVM
// method tells us whether the cardholder verified by signature, which needs a signature line.
const TAG_POS_ENTRY_MODE = 0x9f39;
const TAG_CVM_RESULTS = 0x9f34;
const ENTRY_MODES: Record<number, EntryMode> = { 0x01: 'manual', 0x02: 'magstripe', 0x05: 'chip', 0x07: 'contactless', 0x90: 'magstripe', 0x91: 'contactless' };
const SIGNATURE_CVMS = new Set([0x03, 0x05, 0x1e]);

export function emptyStatus(resultCode: number): StatusInformation {
  return {
    resultCode,
    result: resultKey(resultCode),
    amountMinor: null,
    currency: null,
    trace: null,
    originalTrace: null,
    receiptNo: null,
    turnoverNo: null,
    time: null,
    date: null,
    maskedPan: null,
    cardType: null,
    cardName: null,
    brand: null,
    authCode: null,
    terminalId: null,
    vuNumber: null,
    entryMode: 'unknown',
    signatureRequired: false,
    additionalText: null,
    totals: null,
  };
}

// BMP 60 (individual totals, [S] §3.1.3): receipt numbers from/to (2 BCD each), then seven slots
// of count (ONE BYTE BINARY, despite the field being called "BCD packed") + turnover (6 BCD).
// EVerest's zvt reads the count as u8 and bezahl-online's SingleTotals as a byte; a BCD count
// would make 12 payments unreadable (0x0C) and read 16 as 10 (0x10).
function parseTotals(v: Uint8Array): TerminalResult<BatchTotals> {
  if (v.length < 4 + 7 * TOTAL_BRANDS.length) return fail('codec.truncated', { field: 'totals' });
  const from = decodeBcdNumber(v.subarray(0, 2));
  const to = decodeBcdNumber(v.subarray(2, 4));
  if (!from.ok) return from;
  if (!to.ok) return to;
  const brands: BrandTotal[] = [];
  for (let i = 0; i < TOTAL_BRANDS.length; i++) {
    const at = 4 + i * 7;
    const amount = decodeBcdNumber(v.subarray(at + 1, at + 7));
    if (!amount.ok) return amount;
    brands.push({ brand: TOTAL_BRANDS[i] ?? 'other', count: v[at] ?? 0, amountMinor: amount.value });
  }
  return ok({ receiptFrom: from.value, receiptTo: to.value, brands });
}

export function encodeTotals(t: BatchTotals): TerminalResult<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const v of [encodeBcd(String(t.receiptFrom), 2), encodeBcd(String(t.receiptTo), 2)]) {
    if (!v.ok) return v;
    parts.push(v.value);
  }
  for (const name of TOTAL_BRANDS) {
    const b = t.brands.find((x) => x.brand === name) ?? { count: 0, amountMinor: 0 };
    const a = encodeAmount(b.amountMinor);
    if (!a.ok) return a;
    // One byte cannot count past 255; the turnover beside it stays exact.
    parts.push(Uint8Array.of(Math.max(0, Math.min(255, b.count))), a.value);
  }
  return ok(concat(parts));
}

function bcdField<K extends keyof StatusInformation>(
  info: StatusInformation,
  key: K,
  v: Uint8Array,
  convert: (digits: string) => StatusInformation[K],
): TerminalResult<void> {
  const d = decodeBcd(v);
  if (!d.ok) return d;
  info[key] = convert(d.value);
  return ok(undefined);
}

export function parseStatusInformation(data: Uint8Array): TerminalResult<StatusInformation> {
  const fields = decodeBmps(data);
  if (!fields.ok) return fields;
  const info = emptyStatus(0);
  let tlv: Tlv[] = [];
  for (const { id, value } of fields.value) {
    let r: TerminalResult<void> = ok(undefined);
    switch (id) {
      case BMP.resultCode:
        info.resultCode = value[0] ?? 0;
        info.result = resultKey(info.resultCode);
        break;
      case BMP.amount:
        r = bcdField(info, 'amountMinor', value, Number);
        break;
      case BMP.currency:
        r = bcdField(info, 'currency', value, Number);
        break;
      case BMP.trace:
        r = bcdField(info, 'trace', value, Number);
        break;
      case BMP.originalTrace:
        r = bcdField(info, 'originalTrace', value, Number);
        break;
      case BMP.receiptNo:
        r = bcdField(info, 'receiptNo', value, Number);
        break;
      case BMP.turnoverNo:
        r = bcdField(info, 'turnoverNo', value, Number);
        break;
      case BMP.time:
        r = bcdField(info, 'time', value, (d) => `${d.slice(0, 2)}:${d.slice(2, 4)}:${d.slice(4, 6)}`);
        break;
      case BMP.date:
        r = bcdField(info, 'date', value, (d) => `${d.slice(0, 2)}-${d.slice(2, 4)}`);
        break;
      case BMP.terminalId:
        r = bcdField(info, 'terminalId', value, (d) => d);
        break;
      case BMP.pan:
        info.maskedPan = maskPan(decodePanBcd(value));
        break;
      case BMP.cardType:
        info.cardType = value[0] ?? null;
        break;
      case BMP.cardName:
        info.cardName = decodeText(value).trim();
        break;
      case BMP.aid:
        info.authCode = decodeText(value).trim();
        break;
      case BMP.vuNumber:
        info.vuNumber = decodeText(value).trim();
        break;
      case BMP.additionalText:
        info.additionalText = redactDigitRuns(decodeText(value));
        break;
      case BMP.singleTotals: {
        const t = parseTotals(value);
        if (!t.ok) return t;
        info.totals = t.value;
        break;
      }
      case BMP.tlv: {
        const t = decodeTlv(value);
        if (!t.ok) return t;
        tlv = t.value;
        break;
      }
      default:
        break; // secrets (tracks, CVV) and fields we do not use are dropped here on purpose
    }
    if (!r.ok) return r;
  }
  const entry = findTlv(tlv, TAG_POS_ENTRY_MODE)?.value[0];
  if (entry !== undefined) info.entryMode = ENTRY_MODES[entry] ?? 'unknown';
  const cvm = findTlv(tlv, TAG_CVM_RESULTS)?.value[0];
  if (cvm !== undefined) info.signatureRequired = SIGNATURE_CVMS.has(cvm & 0x3f);
  info.brand = info.cardName || (info.cardType !== null ? (CARD_TYPES[info.cardType] ?? null) : null);
  return ok(info);
}

const ENTRY_CODES: Record<EntryMode, number | null> = { chip: 0x05, contactless: 0x07, magstripe: 0x90, manual: 0x01, unknown: null };

/** The simulator's side: build 04 0F data from plain fields (PAN must already be masked). */
export function encodeStatusInformation(info: Partial<StatusInformation> & { resultCode: number }): TerminalResult<Uint8Array> {
  const fields: BmpField[] = [{ id: BMP.resultCode, value: Uint8Array.of(info.resultCode) }];
  const bcd = (id: number, digits: string | number | null | undefined, size: number): TerminalResult<void> => {
    if (digits === null || digits === undefined) return ok(undefined);
    const e = encodeBcd(String(digits).replace(/\D/g, ''), size);
    if (!e.ok) return e;
    fields.push({ id, value: e.value });
    return ok(undefined);
  };
  if (info.amountMinor != null) {
    const a = encodeAmount(info.amountMinor);
    if (!a.ok) return a;
    fields.push({ id: BMP.amount, value: a.value });
  }
  for (const r of [
    bcd(BMP.currency, info.currency, 2),
    bcd(BMP.trace, info.trace, 3),
    bcd(BMP.time, info.time, 3),
    bcd(BMP.date, info.date, 2),
    bcd(BMP.receiptNo, info.receiptNo, 2),
    bcd(BMP.turnoverNo, info.turnoverNo, 3),
    bcd(BMP.terminalId, info.terminalId, 4),
    bcd(BMP.originalTrace, info.originalTrace, 3),
  ])
    if (!r.ok) return r;
  if (info.maskedPan) fields.push({ id: BMP.pan, value: encodePanBcd(maskPan(info.maskedPan)) });
  if (info.cardType != null) fields.push({ id: BMP.cardType, value: Uint8Array.of(info.cardType) });
  if (info.cardName) fields.push({ id: BMP.cardName, value: encodeText(info.cardName) });
  if (info.authCode) {
    const v = new Uint8Array(8);
    v.set(encodeText(info.authCode).subarray(0, 8));
    fields.push({ id: BMP.aid, value: v });
  }
  // VU number: 15 ASCII characters, space-padded, no NUL.
  if (info.vuNumber) fields.push({ id: BMP.vuNumber, value: encodeText(info.vuNumber.slice(0, 15).padEnd(15, ' ')) });
  if (info.additionalText) fields.push({ id: BMP.additionalText, value: encodeText(info.additionalText) });
  if (info.totals) {
    const t = encodeTotals(info.totals);
    if (!t.ok) return t;
    fields.push({ id: BMP.singleTotals, value: t.value });
  }
  const tlv: Tlv[] = [];
  const entry = info.entryMode ? ENTRY_CODES[info.entryMode] : null;
  if (entry != null) tlv.push({ tag: TAG_POS_ENTRY_MODE, value: Uint8Array.of(entry) });
  if (info.signatureRequired !== undefined) {
    tlv.push({ tag: TAG_CVM_RESULTS, value: Uint8Array.of(info.signatureRequired ? 0x1e : 0x02, 0x00, 0x02) });
  }
  if (tlv.length) fields.push({ id: BMP.tlv, value: encodeTlv(tlv) });
  return encodeBmps(fields);
}
