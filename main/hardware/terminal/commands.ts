// ECR -> PT commands: built by the client, parsed by the simulator. Both sides share these so
// the simulator tests the real encoder rather than a copy of it.
import { apdu, type Apdu } from './apdu';
import { decodeBcd, decodeBcdNumber, encodeAmount, encodeBcd } from './bcd';
import { BMP, concat, decodeBmps, encodeBmps, type BmpField } from './bmp';
import { fail, ok, type TerminalResult } from './result';
import { CHARSET, type Charset } from './text';
import { decodeTlv, encodeTlv, findTlv } from './tlv';

export const CMD = {
  registration: [0x06, 0x00],
  authorization: [0x06, 0x01],
  logOff: [0x06, 0x02],
  repeatReceipt: [0x06, 0x20],
  reversal: [0x06, 0x30],
  refund: [0x06, 0x31],
  endOfDay: [0x06, 0x50],
  statusEnquiry: [0x05, 0x01],
  abort: [0x06, 0xb0],
} as const;

export type CommandName = keyof typeof CMD;

export const CURRENCY = { EUR: 978, CNY: 156, USD: 840, GBP: 826, CHF: 756 } as const;

/**
 * Registration config byte: ECR prints payment and admin receipts (bits 1, 2), PT sends
 * intermediate status (bit 3), ECR controls payment and admin (bits 4, 5), PT sends receipt lines
 * (bit 7). 0xBA is the common value and what the register wants: it prints on its own printer.
 */
export const DEFAULT_CONFIG_BYTE = 0xba;

export type EcrCommand =
  | { kind: 'registration'; password: string; configByte: number; currency: number | null; charset: Charset }
  | { kind: 'authorization'; amountMinor: number; currency: number | null }
  | { kind: 'log_off' }
  | { kind: 'repeat_receipt'; password: string }
  | { kind: 'reversal'; password: string; receiptNo: number | null }
  | { kind: 'refund'; password: string; amountMinor: number; currency: number | null }
  | { kind: 'end_of_day'; password: string }
  | { kind: 'status_enquiry'; password: string | null; serviceByte: number | null }
  | { kind: 'abort' }
  | { kind: 'unknown'; cls: number; ins: number };

function password(pw: string): TerminalResult<Uint8Array> {
  return /^\d{6}$/.test(pw) ? encodeBcd(pw, 3) : fail('terminal.invalid_input', { field: 'password' });
}

function withPassword(cmd: readonly [number, number], pw: string, fields: BmpField[] = []): TerminalResult<Apdu> {
  const p = password(pw);
  if (!p.ok) return p;
  const b = encodeBmps(fields);
  if (!b.ok) return b;
  return ok(apdu(cmd[0], cmd[1], concat([p.value, b.value])));
}

function amountFields(amountMinor: number, currency: number | null): TerminalResult<BmpField[]> {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) return fail('terminal.invalid_input', { field: 'amountMinor' });
  const a = encodeAmount(amountMinor);
  if (!a.ok) return a;
  const fields: BmpField[] = [{ id: BMP.amount, value: a.value }];
  if (currency !== null) {
    const c = encodeBcd(String(currency), 2);
    if (!c.ok) return c;
    fields.push({ id: BMP.currency, value: c.value });
  }
  return ok(fields);
}

// Registration TLV: tag 27 (character sets) holding ONE tag 14 asks the PT to use that set for
// print and display commands; the PT echoes tag 27 in its completion if it accepts ([S] §9.4).
const TAG_CHARSETS = 0x27;
const TAG_CHARSET = 0x14;

/** The character set a registration or its completion names in its TLV container, else CP437. */
export function charsetOf(tlvBytes: Uint8Array | undefined): Charset {
  if (!tlvBytes) return CHARSET.cp437;
  const tlv = decodeTlv(tlvBytes);
  if (!tlv.ok) return CHARSET.cp437;
  const sets = findTlv(tlv.value, TAG_CHARSETS)?.children?.filter((t) => t.tag === TAG_CHARSET) ?? [];
  // More than one tag 14 is a list of candidates, not a choice: the PT keeps CP437.
  return sets.length === 1 && sets[0]?.value[0] === CHARSET.utf8 ? CHARSET.utf8 : CHARSET.cp437;
}

export function charsetTlv(charset: Charset): Uint8Array {
  return encodeTlv([{ tag: TAG_CHARSETS, value: new Uint8Array(0), children: [{ tag: TAG_CHARSET, value: Uint8Array.of(charset) }] }]);
}

export const build = {
  /**
   * `06 00 <pw> <config> [<CC> [06 <TLV>]]`. The CC is positional (no BMP 49 tag), and a TLV
   * container needs the CC before it. Asking for UTF-8 costs nothing: a PT that cannot do it
   * does not echo it and stays on CP437.
   */
  registration(pw = '000000', configByte = DEFAULT_CONFIG_BYTE, currency: number | null = CURRENCY.EUR, charset: Charset | null = null): TerminalResult<Apdu> {
    const p = password(pw);
    if (!p.ok) return p;
    const parts = [p.value, Uint8Array.of(configByte)];
    if (currency !== null) {
      const c = encodeBcd(String(currency), 2);
      if (!c.ok) return c;
      parts.push(c.value);
      if (charset !== null) {
        const t = encodeBmps([{ id: BMP.tlv, value: charsetTlv(charset) }]);
        if (!t.ok) return t;
        parts.push(t.value);
      }
    }
    return ok(apdu(CMD.registration[0], CMD.registration[1], concat(parts)));
  },
  authorization(amountMinor: number, currency: number | null = CURRENCY.EUR): TerminalResult<Apdu> {
    const f = amountFields(amountMinor, currency);
    if (!f.ok) return f;
    const b = encodeBmps(f.value);
    return b.ok ? ok(apdu(CMD.authorization[0], CMD.authorization[1], b.value)) : b;
  },
  refund(amountMinor: number, pw = '000000', currency: number | null = CURRENCY.EUR): TerminalResult<Apdu> {
    const f = amountFields(amountMinor, currency);
    return f.ok ? withPassword(CMD.refund, pw, f.value) : f;
  },
  reversal(receiptNo: number, pw = '000000'): TerminalResult<Apdu> {
    if (!Number.isInteger(receiptNo) || receiptNo < 0 || receiptNo > 9999) return fail('terminal.invalid_input', { field: 'receiptNo' });
    const r = encodeBcd(String(receiptNo), 2);
    return r.ok ? withPassword(CMD.reversal, pw, [{ id: BMP.receiptNo, value: r.value }]) : r;
  },
  repeatReceipt: (pw = '000000') => withPassword(CMD.repeatReceipt, pw),
  endOfDay: (pw = '000000') => withPassword(CMD.endOfDay, pw),
  /**
   * `05 01 [<pw> [03 <service-byte>]]`: everything is optional ([S] §2.56.1), but a service byte
   * needs the password. `null` sends the bare `05 01 00` some ECRs use to detect a terminal.
   */
  statusEnquiry(pw: string | null = '000000', serviceByte: number | null = null): TerminalResult<Apdu> {
    if (pw === null) {
      if (serviceByte !== null) return fail('terminal.invalid_input', { field: 'serviceByte' });
      return ok(apdu(CMD.statusEnquiry[0], CMD.statusEnquiry[1]));
    }
    return withPassword(CMD.statusEnquiry, pw, serviceByte === null ? [] : [{ id: BMP.serviceByte, value: Uint8Array.of(serviceByte) }]);
  },
  logOff: (): TerminalResult<Apdu> => ok(apdu(CMD.logOff[0], CMD.logOff[1])),
  abort: (): TerminalResult<Apdu> => ok(apdu(CMD.abort[0], CMD.abort[1])),
};

function is(a: Apdu, cmd: readonly [number, number]): boolean {
  return a.cls === cmd[0] && a.ins === cmd[1];
}

function readPassword(data: Uint8Array): TerminalResult<string> {
  if (data.length < 3) return fail('codec.truncated', { field: 'password' });
  return decodeBcd(data.subarray(0, 3));
}

function amountAndCurrency(fields: { id: number; value: Uint8Array }[]): TerminalResult<{ amountMinor: number; currency: number | null }> {
  const amount = fields.find((f) => f.id === BMP.amount);
  if (!amount) return fail('codec.truncated', { field: 'amount' });
  const a = decodeBcdNumber(amount.value);
  if (!a.ok) return a;
  const cur = fields.find((f) => f.id === BMP.currency);
  let currency: number | null = null;
  if (cur) {
    const c = decodeBcdNumber(cur.value);
    if (!c.ok) return c;
    currency = c.value;
  }
  return ok({ amountMinor: a.value, currency });
}

/** The simulator's parser for what the register sends. */
export function parseEcrCommand(a: Apdu): TerminalResult<EcrCommand> {
  if (is(a, CMD.registration)) {
    const pw = readPassword(a.data);
    if (!pw.ok) return pw;
    if (a.data.length < 4) return fail('codec.truncated', { field: 'config' });
    let currency: number | null = null;
    let charset: Charset = CHARSET.cp437;
    if (a.data.length >= 6) {
      const c = decodeBcdNumber(a.data.subarray(4, 6));
      if (!c.ok) return c;
      currency = c.value;
      const rest = decodeBmps(a.data.subarray(6));
      if (!rest.ok) return rest;
      charset = charsetOf(rest.value.find((f) => f.id === BMP.tlv)?.value);
    }
    return ok({ kind: 'registration', password: pw.value, configByte: a.data[3] ?? 0, currency, charset });
  }
  if (is(a, CMD.authorization)) {
    const f = decodeBmps(a.data);
    if (!f.ok) return f;
    const ac = amountAndCurrency(f.value);
    return ac.ok ? ok({ kind: 'authorization', ...ac.value }) : ac;
  }
  if (is(a, CMD.statusEnquiry)) return parseStatusEnquiry(a.data);
  if (is(a, CMD.logOff)) return ok({ kind: 'log_off' });
  if (is(a, CMD.abort)) return ok({ kind: 'abort' });
  const pw = readPassword(a.data);
  if (is(a, CMD.repeatReceipt)) return pw.ok ? ok({ kind: 'repeat_receipt', password: pw.value }) : pw;
  if (is(a, CMD.endOfDay)) return pw.ok ? ok({ kind: 'end_of_day', password: pw.value }) : pw;
  if (is(a, CMD.reversal) || is(a, CMD.refund)) {
    if (!pw.ok) return pw;
    const f = decodeBmps(a.data.subarray(3));
    if (!f.ok) return f;
    if (is(a, CMD.refund)) {
      const ac = amountAndCurrency(f.value);
      return ac.ok ? ok({ kind: 'refund', password: pw.value, ...ac.value }) : ac;
    }
    const r = f.value.find((x) => x.id === BMP.receiptNo);
    let receiptNo: number | null = null;
    if (r) {
      const n = decodeBcdNumber(r.value);
      if (!n.ok) return n;
      receiptNo = n.value;
    }
    return ok({ kind: 'reversal', password: pw.value, receiptNo });
  }
  return ok({ kind: 'unknown', cls: a.cls, ins: a.ins });
}

/** `05 01 00` (no password, as ecrterm's detection and Portalum send it) is as valid as one with a password. */
function parseStatusEnquiry(data: Uint8Array): TerminalResult<EcrCommand> {
  if (data.length === 0) return ok({ kind: 'status_enquiry', password: null, serviceByte: null });
  const pw = readPassword(data);
  if (!pw.ok) return pw;
  const f = decodeBmps(data.subarray(3));
  if (!f.ok) return f;
  const sb = f.value.find((x) => x.id === BMP.serviceByte);
  return ok({ kind: 'status_enquiry', password: pw.value, serviceByte: sb?.value[0] ?? null });
}
