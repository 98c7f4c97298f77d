// PT -> ECR messages: what the register must understand while the terminal holds master rights
// (intermediate status, status information, receipt lines, completion, abort), plus the two
// acknowledgements both sides use. Builders exist for the simulator.
import { apdu, type Apdu } from './apdu';
import { encodeBcd } from './bcd';
import { BMP, concat, decodeBmps, encodeBmps, type BmpField } from './bmp';
import { resultKey, stepKey } from './codes';
import { charsetOf, charsetTlv } from './commands';
import { redactDigitRuns } from './pan';
import { fail, ok, type TerminalResult } from './result';
import { encodeStatusInformation, parseStatusInformation, type StatusInformation } from './status-info';
import { parseStatusEnquiryCompletion, type StatusEnquiryCompletion } from './status-enquiry';
import { CHARSET, decodeText, encodeText, type Charset } from './text';
import { decodeTlv, encodeTlv, findTlv, type Tlv } from './tlv';

export interface ReceiptLine {
  text: string;
  centred: boolean;
  doubleWidth: boolean;
  doubleHeight: boolean;
}

export type ReceiptType = 'merchant' | 'customer' | 'admin' | 'unknown';

export type PtMessage =
  | { kind: 'ack' }
  | { kind: 'nack'; resultCode: number; result: string }
  | { kind: 'intermediate'; status: number; step: string }
  | { kind: 'status'; info: StatusInformation }
  | { kind: 'print_line'; line: ReceiptLine; last: boolean }
  | { kind: 'text_block'; receiptType: ReceiptType; lines: ReceiptLine[] }
  | { kind: 'completion'; terminalId: string | null; statusByte: number | null; charset: Charset; enquiry: StatusEnquiryCompletion | null }
  | { kind: 'abort'; resultCode: number; result: string }
  | { kind: 'other'; cls: number; ins: number };

export const ackApdu = (): Apdu => apdu(0x80, 0x00);
/** Negative acknowledgement `84 xx 00`: xx is a result code (9C = "wait", 66 = "goods not issued"). */
export const nackApdu = (code: number): Apdu => apdu(0x84, code);

const RECEIPT_TYPES: Record<number, ReceiptType> = { 1: 'merchant', 2: 'customer', 3: 'admin' };
const TAG_TEXT_LINES = 0x25;
const TAG_LINE = 0x07;
const TAG_RECEIPT_TYPE = 0x1f07;

function plainLine(text: string): ReceiptLine {
  return { text: redactDigitRuns(text), centred: false, doubleWidth: false, doubleHeight: false };
}

/** What the reader knows that the bytes do not say: the agreed character set, and which command a 06 0F completes. */
export interface PtContext {
  charset?: Charset;
  /** A Status-Enquiry's completion has its own, untagged layout. */
  completes?: 'status_enquiry';
}

export function parsePtMessage(a: Apdu, ctx: PtContext = {}): TerminalResult<PtMessage> {
  const charset = ctx.charset ?? CHARSET.cp437;
  if (a.cls === 0x80 && a.ins === 0x00) return ok({ kind: 'ack' });
  if (a.cls === 0x84) {
    // "84 00 00" is also a positive acknowledgement from some terminals.
    if (a.ins === 0x00) return ok({ kind: 'ack' });
    return ok({ kind: 'nack', resultCode: a.ins, result: resultKey(a.ins) });
  }
  if (a.cls === 0x04 && a.ins === 0xff) {
    const status = a.data[0];
    if (status === undefined) return fail('codec.truncated', { message: '04 FF' });
    return ok({ kind: 'intermediate', status, step: stepKey(status) });
  }
  if (a.cls === 0x04 && a.ins === 0x0f) {
    const info = parseStatusInformation(a.data);
    return info.ok ? ok({ kind: 'status', info: info.value }) : info;
  }
  if (a.cls === 0x06 && a.ins === 0xd1) {
    const attr = a.data[0];
    if (attr === undefined) return fail('codec.truncated', { message: '06 D1' });
    const line: ReceiptLine = {
      text: redactDigitRuns(decodeText(a.data.subarray(1), charset)),
      centred: (attr & 0x40) !== 0,
      doubleWidth: (attr & 0x20) !== 0,
      doubleHeight: (attr & 0x10) !== 0,
    };
    return ok({ kind: 'print_line', line, last: (attr & 0x80) !== 0 });
  }
  if (a.cls === 0x06 && a.ins === 0xd3) {
    const f = decodeBmps(a.data);
    if (!f.ok) return f;
    const container = f.value.find((x) => x.id === BMP.tlv);
    if (!container) return fail('codec.truncated', { message: '06 D3' });
    const tlv = decodeTlv(container.value);
    if (!tlv.ok) return tlv;
    const type = findTlv(tlv.value, TAG_RECEIPT_TYPE)?.value[0];
    const lines = (findTlv(tlv.value, TAG_TEXT_LINES)?.children ?? []).filter((t) => t.tag === TAG_LINE).map((t) => plainLine(decodeText(t.value, charset)));
    return ok({ kind: 'text_block', receiptType: (type !== undefined && RECEIPT_TYPES[type]) || 'unknown', lines });
  }
  if (a.cls === 0x06 && a.ins === 0x0f) {
    if (ctx.completes === 'status_enquiry') {
      const e = parseStatusEnquiryCompletion(a.data);
      if (!e.ok) return e;
      return ok({ kind: 'completion', terminalId: e.value.terminalId, statusByte: e.value.terminalStatus, charset, enquiry: e.value });
    }
    const f = decodeBmps(a.data);
    if (!f.ok) return f;
    const tid = f.value.find((x) => x.id === BMP.terminalId);
    const sb = f.value.find((x) => x.id === BMP.paymentType);
    let terminalId: string | null = null;
    if (tid) terminalId = Array.from(tid.value, (b) => b.toString(16).padStart(2, '0')).join('');
    return ok({
      kind: 'completion',
      terminalId: terminalId && /^\d+$/.test(terminalId) ? terminalId : null,
      statusByte: sb?.value[0] ?? null,
      // A registration's completion echoes the character set the PT accepted (tag 27).
      charset: charsetOf(f.value.find((x) => x.id === BMP.tlv)?.value),
      enquiry: null,
    });
  }
  if (a.cls === 0x06 && a.ins === 0x1e) {
    const code = a.data[0];
    if (code === undefined) return fail('codec.truncated', { message: '06 1E' });
    return ok({ kind: 'abort', resultCode: code, result: resultKey(code) });
  }
  return ok({ kind: 'other', cls: a.cls, ins: a.ins });
}

export const ptBuild = {
  intermediate: (status: number): Apdu => apdu(0x04, 0xff, [status]),
  status(info: Partial<StatusInformation> & { resultCode: number }): TerminalResult<Apdu> {
    const d = encodeStatusInformation(info);
    return d.ok ? ok(apdu(0x04, 0x0f, d.value)) : d;
  },
  printLine(text: string, opts: { last?: boolean; centred?: boolean; charset?: Charset } = {}): Apdu {
    const attr = (opts.last ? 0x80 : 0) | (opts.centred ? 0x40 : 0);
    return apdu(0x06, 0xd1, concat([Uint8Array.of(attr), encodeText(text, opts.charset)]));
  },
  textBlock(receiptType: Exclude<ReceiptType, 'unknown'>, lines: string[], charset: Charset = CHARSET.cp437): TerminalResult<Apdu> {
    const typeCode = { merchant: 1, customer: 2, admin: 3 }[receiptType];
    const tlv: Tlv[] = [
      { tag: TAG_TEXT_LINES, value: new Uint8Array(0), children: lines.map((l) => ({ tag: TAG_LINE, value: encodeText(l, charset) })) },
      { tag: TAG_RECEIPT_TYPE, value: Uint8Array.of(typeCode) },
    ];
    const body = encodeTlv(tlv);
    const f = encodeBmps([{ id: BMP.tlv, value: body }]);
    return f.ok ? ok(apdu(0x06, 0xd3, f.value)) : f;
  },
  /** `06 0F [29 <TID>] [06 <TLV 27: accepted character set>]`; the second only answers a registration that asked. */
  completion(terminalId?: string, acceptedCharset: Charset | null = null): TerminalResult<Apdu> {
    if (!terminalId) return ok(apdu(0x06, 0x0f));
    const digits = terminalId.padStart(8, '0').slice(-8);
    const v = Uint8Array.from({ length: 4 }, (_, i) => parseInt(digits.slice(2 * i, 2 * i + 2), 16));
    const fields: BmpField[] = [{ id: BMP.terminalId, value: v }];
    if (acceptedCharset !== null) fields.push({ id: BMP.tlv, value: charsetTlv(acceptedCharset) });
    const f = encodeBmps(fields);
    return f.ok ? ok(apdu(0x06, 0x0f, f.value)) : f;
  },
  /** `06 1E <rc> [<CC>]`: the PT's own currency follows only result code 6F, wrong currency ([S] §3.3). */
  abort(resultCode: number, currency: number | null = null): Apdu {
    const cc = currency === null ? null : encodeBcd(String(currency), 2);
    return apdu(0x06, 0x1e, cc?.ok ? [resultCode, ...cc.value] : [resultCode]);
  },
};
