import { describe, expect, it } from 'vitest';
import { ApduStreamDecoder, apdu, decodeApdu, encodeApdu, fromHex, hex } from '../../main/hardware/terminal/apdu';
import { decodeBcd, encodeAmount } from '../../main/hardware/terminal/bcd';
import { decodeBmps } from '../../main/hardware/terminal/bmp';
import { build, parseEcrCommand } from '../../main/hardware/terminal/commands';
import { crc16Kermit, frameCrc } from '../../main/hardware/terminal/crc';
import { FrameDecoder, encodeFrame } from '../../main/hardware/terminal/framing';
import { decodePanBcd, encodePanBcd, maskPan, redactDigitRuns } from '../../main/hardware/terminal/pan';
import { parsePtMessage, ptBuild } from '../../main/hardware/terminal/pt-messages';
import { decodeTlv, encodeTlv } from '../../main/hardware/terminal/tlv';

const frameOf = (h: string) => hex(encodeFrame(fromHex(h)));

describe('CRC-16/KERMIT', () => {
  it('matches the catalogue check value', () => {
    expect(crc16Kermit(new TextEncoder().encode('123456789'))).toBe(0x2189);
  });
  it('covers the APDU plus ETX: 80 00 00 -> 0x1FF5', () => {
    expect(frameCrc(fromHex('80 00 00'))).toBe(0x1ff5);
  });
});

describe('DLE framing: published vectors', () => {
  it('packet received 80 00 00', () => {
    expect(frameOf('80 00 00')).toBe('10 02 80 00 00 10 03 f5 1f');
  });
  it('authorization 110.00 EUR stuffs the 0x10 in the amount', () => {
    expect(frameOf('06 01 0A 04 00 00 00 01 10 00 49 09 78')).toBe('10 02 06 01 0a 04 00 00 00 01 10 10 00 49 09 78 10 03 f2 ff');
  });
  it('authorization 10.00 EUR built by the command encoder', () => {
    const a = build.authorization(1000, 978);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const bytes = encodeApdu(a.value);
    expect(bytes.ok && hex(encodeFrame(bytes.value))).toBe('10 02 06 01 0a 04 00 00 00 00 10 10 00 49 09 78 10 03 27 60');
  });
  it.each([
    ['06 00 06 12 34 56 BA 09 78', '24 c3'],
    ['05 01 03 12 34 56', 'e0 43'],
    ['06 70 00', 'd9 f9'],
    ['06 18 00', '56 3a'],
    ['84 9C 00', 'c3 41'],
  ])('%s ends in CRC %s', (apduHex, crc) => {
    expect(frameOf(apduHex).endsWith(`10 03 ${crc}`)).toBe(true);
  });
  it('registration and status enquiry builders produce the vector APDUs', () => {
    const r = build.registration('123456', 0xba, 978);
    const s = build.statusEnquiry('123456');
    expect(r.ok && hex(encodeApdu(r.value).ok ? (encodeApdu(r.value) as { value: Uint8Array }).value : new Uint8Array())).toBe('06 00 06 12 34 56 ba 09 78');
    expect(s.ok && s.value.data.length).toBe(3);
  });
});

describe('FrameDecoder', () => {
  it('decodes a frame split into single bytes with noise, ACK and NAK around it', () => {
    const d = new FrameDecoder();
    const wire = [0x41, 0x42, 0x06, ...encodeFrame(fromHex('06 01 0A 04 00 00 00 01 10 00 49 09 78')), 0x15];
    const events = wire.flatMap((b) => d.push(Uint8Array.of(b)));
    expect(events.filter((e) => e.type !== 'noise').map((e) => e.type)).toEqual(['ack', 'frame', 'nak']);
    expect(events.filter((e) => e.type === 'noise').reduce((n, e) => n + (e.type === 'noise' ? e.count : 0), 0)).toBe(2);
    const frame = events.find((e) => e.type === 'frame');
    expect(frame && frame.type === 'frame' && hex(frame.apdu)).toBe('06 01 0a 04 00 00 00 01 10 00 49 09 78');
  });
  it('reports a CRC mismatch as a typed error', () => {
    const f = encodeFrame(fromHex('80 00 00'));
    f[f.length - 1] = (f[f.length - 1] ?? 0) ^ 0xff;
    expect(new FrameDecoder().push(f)).toEqual([{ type: 'error', code: 'codec.crc_mismatch', discarded: 3 }]);
  });
  it('reports a bad escape and recovers for the next frame', () => {
    const d = new FrameDecoder();
    const events = d.push(Uint8Array.from([0x10, 0x02, 0x80, 0x10, 0x55, ...encodeFrame(fromHex('80 00 00'))]));
    expect(events.map((e) => (e.type === 'error' ? e.code : e.type))).toEqual(['codec.bad_escape', 'frame']);
  });
  it('restarts on DLE STX inside a frame (truncated retransmission)', () => {
    const d = new FrameDecoder();
    const events = d.push(Uint8Array.from([0x10, 0x02, 0x80, 0x00, ...encodeFrame(fromHex('80 00 00'))]));
    expect(events.map((e) => (e.type === 'error' ? e.code : e.type))).toEqual(['codec.truncated', 'frame']);
  });
  it('reset() drops a half frame', () => {
    const d = new FrameDecoder();
    d.push(Uint8Array.from([0x10, 0x02, 0x80]));
    expect(d.inFrame()).toBe(true);
    expect(d.reset()[0]).toMatchObject({ type: 'error', code: 'codec.truncated' });
    expect(d.push(encodeFrame(fromHex('80 00 00')))[0]?.type).toBe('frame');
  });
  it('rejects over-long frames', () => {
    const d = new FrameDecoder(16);
    const events = d.push(Uint8Array.from([0x10, 0x02, ...new Array<number>(40).fill(0x41)]));
    expect(events[0]).toMatchObject({ type: 'error', code: 'codec.frame_too_long' });
  });
});

describe('APDU lengths', () => {
  it('uses FF lo hi for 995 data bytes and round-trips', () => {
    const data = new Uint8Array(995).fill(0x20);
    const e = encodeApdu(apdu(0x06, 0xd3, data));
    expect(e.ok && hex(e.value.subarray(0, 5))).toBe('06 d3 ff e3 03');
    if (!e.ok) return;
    const d = decodeApdu(e.value);
    expect(d.ok && d.value.data.length).toBe(995);
  });
  it('uses the extended form from 255 bytes on', () => {
    const e254 = encodeApdu(apdu(0x06, 0xd3, new Uint8Array(254)));
    const e255 = encodeApdu(apdu(0x06, 0xd3, new Uint8Array(255)));
    expect(e254.ok && e254.value[2]).toBe(254);
    expect(e255.ok && hex(e255.value.subarray(2, 5))).toBe('ff ff 00');
  });
  it('rejects length mismatches and truncation with typed errors', () => {
    expect(decodeApdu(fromHex('80 00 01'))).toMatchObject({ ok: false, error: { code: 'codec.length_mismatch' } });
    expect(decodeApdu(fromHex('80 00'))).toMatchObject({ ok: false, error: { code: 'codec.truncated' } });
    expect(decodeApdu(fromHex('06 d3 ff 05'))).toMatchObject({ ok: false, error: { code: 'codec.truncated' } });
  });
  it('splits a TCP stream into APDUs across chunk boundaries', () => {
    const s = new ApduStreamDecoder();
    const bytes = fromHex('80 00 00 04 ff 01 0a 06 0f 00');
    expect(s.push(bytes.subarray(0, 4)).length).toBe(1);
    const rest = s.push(bytes.subarray(4));
    expect(rest.map((a) => a.ins)).toEqual([0xff, 0x0f]);
    expect(s.pending()).toBe(0);
  });
});

describe('BMP fields', () => {
  it('encodes amount 12.50 as BCD cents', () => {
    const a = encodeAmount(1250);
    expect(a.ok && hex(a.value)).toBe('00 00 00 00 12 50');
    expect(encodeAmount(-1).ok).toBe(false);
    expect(encodeAmount(1.5).ok).toBe(false);
    expect(encodeAmount(1e12).ok).toBe(false);
  });
  it('rejects non-decimal BCD', () => {
    expect(decodeBcd(fromHex('1a'))).toMatchObject({ ok: false, error: { code: 'codec.bad_bcd' } });
  });
  it('parses a full status information with every field', () => {
    const built = ptBuild.status({
      resultCode: 0,
      amountMinor: 1,
      currency: 978,
      time: '12:23:06',
      date: '06-29',
      maskedPan: '474843******7743',
      receiptNo: 2,
      authCode: '889150',
      trace: 732,
      terminalId: '42003036',
      cardType: 0x0a,
      cardName: 'VISA',
      turnoverNo: 15,
      additionalText: 'AS-TID = 13F00013',
      entryMode: 'contactless',
      signatureRequired: true,
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const m = parsePtMessage(built.value);
    expect(m.ok && m.value.kind).toBe('status');
    if (!m.ok || m.value.kind !== 'status') return;
    expect(m.value.info).toMatchObject({
      resultCode: 0,
      result: 'terminal.result.success',
      amountMinor: 1,
      currency: 978,
      time: '12:23:06',
      date: '06-29',
      maskedPan: '474843******7743',
      receiptNo: 2,
      authCode: '889150',
      trace: 732,
      terminalId: '42003036',
      cardType: 0x0a,
      cardName: 'VISA',
      brand: 'VISA',
      turnoverNo: 15,
      entryMode: 'contactless',
      signatureRequired: true,
    });
  });
  it('VU (merchant) number: 15 ASCII characters, space-padded, as a real terminal sends it', () => {
    // From a real terminal's 04 0F (EVerest/zvt test blob, research zvt-vectors §3): 2A "804011926" + 6 spaces.
    const real = fromHex('27 00 2A 38 30 34 30 31 31 39 32 36 20 20 20 20 20 20');
    const m = parsePtMessage(apdu(0x04, 0x0f, real));
    expect(m.ok && m.value.kind === 'status' && m.value.info.vuNumber).toBe('804011926');
    const built = ptBuild.status({ resultCode: 0, vuNumber: '804011926' });
    expect(built.ok && hex(built.value.data)).toBe(hex(real));
  });
  it('re-masks a PAN the terminal sent in full and drops track data', () => {
    const pan = encodePanBcd('4761739001010119');
    const data = Uint8Array.from([0x27, 0x00, 0x22, 0xf0, 0xf8, ...pan, 0x23, 0xf0, 0xf3, 0x47, 0x61, 0x73]);
    const m = parsePtMessage(apdu(0x04, 0x0f, data));
    expect(m.ok && m.value.kind === 'status' && m.value.info.maskedPan).toBe('476173******0119');
    expect(JSON.stringify(m)).not.toContain('4761739001010119');
    expect(JSON.stringify(m)).not.toContain('9001');
  });
  it('decodes E nibbles as masked digits and F as padding', () => {
    expect(decodePanBcd(fromHex('47 48 43 EE EE EE 77 43'))).toBe('474843******7743');
    expect(decodePanBcd(encodePanBcd('123456*****1234'))).toBe('123456*****1234');
    expect(maskPan('4761739001010119')).toBe('476173******0119');
    expect(maskPan('12345678')).toBe('****5678');
    expect(redactDigitRuns('Karte 4761739001010119 ok')).toBe('Karte 476173******0119 ok');
  });
  it('rejects an unknown BMP and a truncated LLVAR', () => {
    expect(decodeBmps(fromHex('27 00 fe 01'))).toMatchObject({ ok: false, error: { code: 'codec.unknown_bmp' } });
    expect(decodeBmps(fromHex('22 f0 f8 47'))).toMatchObject({ ok: false, error: { code: 'codec.truncated' } });
    expect(decodeBmps(fromHex('22 a0 f8 47'))).toMatchObject({ ok: false, error: { code: 'codec.bad_bcd' } });
  });
  it('round-trips TLV with long lengths and nested containers', () => {
    const long = new Uint8Array(300).fill(0x41);
    const enc = encodeTlv([
      { tag: 0x1f07, value: Uint8Array.of(2) },
      { tag: 0x25, value: new Uint8Array(0), children: [{ tag: 0x07, value: long }] },
    ]);
    const dec = decodeTlv(enc);
    expect(dec.ok && dec.value[0]?.tag).toBe(0x1f07);
    expect(dec.ok && dec.value[1]?.children?.[0]?.value.length).toBe(300);
    expect(decodeTlv(fromHex('07 85 00'))).toMatchObject({ ok: false, error: { code: 'codec.bad_tlv' } });
  });
});

describe('PT messages', () => {
  it('parses intermediate status, print line, text block, completion and abort', () => {
    const step = parsePtMessage(ptBuild.intermediate(0x0a));
    expect(step.ok && step.value).toEqual({ kind: 'intermediate', status: 0x0a, step: 'terminal.step.insert_card' });
    const line = parsePtMessage(ptBuild.printLine('Zahlung erfolgt', { last: true, centred: true }));
    expect(line.ok && line.value).toMatchObject({ kind: 'print_line', last: true, line: { text: 'Zahlung erfolgt', centred: true } });
    const block = ptBuild.textBlock('customer', ['** Kundenbeleg **', 'Terminal-ID: 42003036']);
    const b = block.ok ? parsePtMessage(block.value) : block;
    expect(b.ok && b.value).toMatchObject({
      kind: 'text_block',
      receiptType: 'customer',
      lines: [{ text: '** Kundenbeleg **' }, { text: 'Terminal-ID: 42003036' }],
    });
    const c = ptBuild.completion('52500001');
    const cm = c.ok ? parsePtMessage(c.value) : c;
    expect(cm.ok && cm.value).toEqual({ kind: 'completion', terminalId: '52500001', statusByte: null, charset: 0xff, enquiry: null });
    const ab = parsePtMessage(ptBuild.abort(0x6c));
    expect(ab.ok && ab.value).toEqual({ kind: 'abort', resultCode: 0x6c, result: 'terminal.result.aborted' });
    const n = parsePtMessage(apdu(0x84, 0x83));
    expect(n.ok && n.value).toMatchObject({ kind: 'nack', result: 'terminal.result.function_not_possible' });
  });
  it('ECR commands round-trip through the simulator parser', () => {
    const cases = [
      [build.authorization(1250, 978), { kind: 'authorization', amountMinor: 1250, currency: 978 }],
      [build.refund(500), { kind: 'refund', amountMinor: 500, password: '000000' }],
      [build.reversal(42), { kind: 'reversal', receiptNo: 42 }],
      [build.endOfDay(), { kind: 'end_of_day' }],
      [build.repeatReceipt(), { kind: 'repeat_receipt' }],
      [build.statusEnquiry(), { kind: 'status_enquiry' }],
      [build.registration(), { kind: 'registration', configByte: 0xba, currency: 978 }],
      [build.logOff(), { kind: 'log_off' }],
      [build.abort(), { kind: 'abort' }],
    ] as const;
    for (const [cmd, expected] of cases) {
      expect(cmd.ok).toBe(true);
      if (!cmd.ok) continue;
      const p = parseEcrCommand(cmd.value);
      expect(p.ok && p.value).toMatchObject(expected);
    }
  });
  it('refuses invalid command input without throwing', () => {
    expect(build.authorization(0)).toMatchObject({ ok: false, error: { code: 'terminal.invalid_input' } });
    expect(build.authorization(Number.NaN)).toMatchObject({ ok: false });
    expect(build.reversal(-1)).toMatchObject({ ok: false, error: { code: 'terminal.invalid_input' } });
    expect(build.repeatReceipt('12')).toMatchObject({ ok: false, error: { code: 'terminal.invalid_input' } });
  });
});
