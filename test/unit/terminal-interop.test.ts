// Interoperability with ECRs and terminals we did not write: every byte string here comes from the
// ZVT specification (PA00P015 rev 13.08, "[S]"), from a real capture published by an independent
// implementation, or from such an implementation's own tests. None is produced by our encoder;
// where our encoder is checked, it is checked against these bytes.
import { describe, expect, it } from 'vitest';
import { decodeApdu, fromHex, hex, type Apdu } from '../../main/hardware/terminal/apdu';
import { build, CURRENCY, parseEcrCommand } from '../../main/hardware/terminal/commands';
import { encodeFrame, FrameDecoder } from '../../main/hardware/terminal/framing';
import { parsePtMessage, ptBuild } from '../../main/hardware/terminal/pt-messages';
import { encodeStatusEnquiryCompletion, parseStatusEnquiryCompletion } from '../../main/hardware/terminal/status-enquiry';
import { encodeTotals } from '../../main/hardware/terminal/status-info';
import { CHARSET } from '../../main/hardware/terminal/text';

function apduOf(h: string): Apdu {
  const a = decodeApdu(fromHex(h));
  if (!a.ok) throw new Error(`bad vector ${h}: ${a.error.code}`);
  return a.value;
}

/** The one frame in a serial byte string, as a receiving terminal or ECR would see it. */
function frameApdu(serial: string): Apdu {
  const events = new FrameDecoder().push(fromHex(serial));
  const frame = events.find((e) => e.type === 'frame');
  if (!frame || frame.type !== 'frame') throw new Error(`no frame in ${serial}: ${JSON.stringify(events)}`);
  const a = decodeApdu(frame.apdu);
  if (!a.ok) throw new Error(a.error.code);
  return a.value;
}

function frameOf(a: Apdu): string {
  const bytes = Uint8Array.from([a.cls, a.ins, a.data.length, ...a.data]);
  return hex(encodeFrame(bytes)).replaceAll(' ', '');
}

describe('Status-Enquiry 05 01 from other ECRs: the password is optional ([S] §2.56.1)', () => {
  it('accepts the bare 05 01 00 (serial 100205010010031006) that ecrterm detect_pt_serial and Portalum send', () => {
    // The CRC low byte is 0x10 and is sent undoubled: [S]/[T] §3.3, ecrterm transport_serial.py.
    const cmd = parseEcrCommand(frameApdu('100205010010031006'));
    expect(cmd).toEqual({ ok: true, value: { kind: 'status_enquiry', password: null, serviceByte: null } });
  });

  it('accepts a password alone: ecrterm test_data_encoding test_packet_statusenquiry', () => {
    const cmd = parseEcrCommand(frameApdu('10 02 05 01 03 12 34 56 10 03 E0 43'));
    expect(cmd).toEqual({ ok: true, value: { kind: 'status_enquiry', password: '123456', serviceByte: null } });
  });

  it('accepts password + service byte: ecrterm STATUS_ENQUIRY_SEND_TLV and bezahl-online command/status.go', () => {
    expect(parseEcrCommand(frameApdu('10 02 05 01 05 12 34 56 03 04 10 03 30 94'))).toMatchObject({ ok: true, value: { serviceByte: 0x04 } });
    expect(parseEcrCommand(apduOf('05 01 05 12 34 56 03 07'))).toMatchObject({ ok: true, value: { password: '123456', serviceByte: 0x07 } });
  });

  it('a truncated password is still refused', () => {
    expect(parseEcrCommand(apduOf('05 01 02 12 34'))).toMatchObject({ ok: false, error: { code: 'codec.truncated' } });
  });

  it('our builder sends exactly those bytes', () => {
    const bare = build.statusEnquiry(null);
    const withTlv = build.statusEnquiry('123456', 0x04);
    expect(bare.ok && frameOf(bare.value)).toBe('100205010010031006');
    expect(withTlv.ok && frameOf(withTlv.value)).toBe('1002050105123456030410033094');
    expect(build.statusEnquiry(null, 0x04)).toMatchObject({ ok: false, error: { code: 'terminal.invalid_input' } });
  });
});

describe('Status-Enquiry completion 06 0F: [<SW version LLLVAR>] <terminal status> [06 <TLV>] ([S] §2.56.5)', () => {
  it('reads software version and status from ecrterm test_parsing test_version_completion (real)', () => {
    const a = frameApdu('1002060F0BF0F0F7322E31342E3135001003B111');
    const m = parsePtMessage(a, { completes: 'status_enquiry' });
    expect(m.ok && m.value.kind === 'completion' && m.value.enquiry).toEqual({
      softwareVersion: '2.14.15',
      terminalStatus: 0x00,
      terminalStatusKey: 'terminal.status.ready',
      terminalId: null,
      deviceName: null,
    });
  });

  it('reads the terminal id from TLV 1F44: EVerest zvt/data/1680728219.054216000_pt_ecr.blob (real FEIG cVEND plug)', () => {
    const a = apduOf(
      '060f89f0f4f04745522d4150502d76322e302e393b635330322e30312e30312d31302e31302d322d323b4343323600065b1f440452523535e4431f400a6356454e4420706c7567' +
        '1f41284745522d4150502d76322e302e393b635330322e30312e30312d31302e31302d322d323b434332361f420417fd1e3c1f430100340d1f0e04202304051f0f03225655',
    );
    const e = parseStatusEnquiryCompletion(a.data);
    expect(e).toEqual({
      ok: true,
      value: {
        softwareVersion: 'GER-APP-v2.0.9;cS02.01.01-10.10-2-2;CC26',
        terminalStatus: 0,
        terminalStatusKey: 'terminal.status.ready',
        terminalId: '52523535',
        deviceName: 'cVEND plug',
      },
    });
  });

  it('ecrterm test_parsing_completion (real cVEND box+): terminal id 52500245', () => {
    const a = apduOf(
      '060f89f0f4f04745522d4150502d76322e302e393b635230322e30312e30312d30302e30392d322d323b4343323600065b1f440452500245e4431f400a6356454e4420626f782b' +
        '1f41284745522d4150502d76322e302e393b635230322e30312e30312d30302e30392d322d323b434332361f420411e930ec1f430100340d1f0e04202306221f0f03085556',
    );
    expect(parseStatusEnquiryCompletion(a.data)).toMatchObject({
      ok: true,
      value: { softwareVersion: 'GER-APP-v2.0.9;cR02.01.01-00.09-2-2;CC26', terminalStatus: 0, terminalId: '52500245', deviceName: 'cVEND box+' },
    });
  });

  it('a terminal that omits the version: 06 0F 01 DC (card inserted), bezahl-online command/testdata/1619070661833PT.hex', () => {
    expect(parseStatusEnquiryCompletion(apduOf('06 0F 01 DC').data)).toEqual({
      ok: true,
      value: { softwareVersion: null, terminalStatus: 0xdc, terminalStatusKey: 'terminal.status.card_inserted', terminalId: null, deviceName: null },
    });
    // A status byte that looks like an LLLVAR digit (F0 = reconciliation required) is still a status byte.
    expect(parseStatusEnquiryCompletion(apduOf('06 0F 01 F0').data)).toMatchObject({ ok: true, value: { softwareVersion: null, terminalStatus: 0xf0 } });
  });

  it('the simulator writes the same layout ecrterm reads', () => {
    const d = encodeStatusEnquiryCompletion({
      softwareVersion: '2.14.15',
      terminalStatus: 0,
      terminalId: '52500001',
      deviceName: 'x',
      withVersion: true,
      withTlv: false,
    });
    expect(d.ok && hex(d.value).replaceAll(' ', '')).toBe('f0f0f7322e31342e313500');
  });
});

describe('BMP 60 individual totals: count 1 byte BINARY, turnover 6 bytes BCD ([S] §3.1.3)', () => {
  it('reads the real end-of-day of EVerest zvt/data/1680761828.489701000_pt_ecr.blob: 2 Eurocard payments, 9.58', () => {
    const a = apduOf(
      '040f4d2700040000000009580b0009820d04060c08170660f0f5f30233023400000000000000000000000000000200000000095800000000000000000000000000000000000000000000000000000000',
    );
    const m = parsePtMessage(a);
    expect(m.ok && m.value.kind === 'status' && m.value.info.totals).toEqual({
      receiptFrom: 233,
      receiptTo: 234,
      brands: [
        { brand: 'girocard', count: 0, amountMinor: 0 },
        { brand: 'JCB', count: 0, amountMinor: 0 },
        { brand: 'Mastercard', count: 2, amountMinor: 958 },
        { brand: 'American Express', count: 0, amountMinor: 0 },
        { brand: 'VISA', count: 0, amountMinor: 0 },
        { brand: 'Diners', count: 0, amountMinor: 0 },
        { brand: 'other', count: 0, amountMinor: 0 },
      ],
    });
  });

  // Written by hand from [S] §3.1.3: receipt no. 0001..0030, then per slot (girocard, JCB,
  // Eurocard, Amex, VISA, Diners, remaining) one binary count byte + six BCD bytes turnover.
  // 12 girocard (0x0C, not valid BCD) = 123.45, 16 Eurocard (0x10, which BCD would read as 10) =
  // 16.00, 255 remaining (0xFF, the most one byte holds) = 2550.00.
  const BMP60 =
    'f0f5f3 0001 0030' +
    ' 0c 000000012345' +
    ' 00 000000000000' +
    ' 10 000000001600' +
    ' 00 000000000000' +
    ' 00 000000000000' +
    ' 00 000000000000' +
    ' ff 000000255000';

  it('reads counts 12, 16 and 255 from a hand-written vector', () => {
    const m = parsePtMessage(apduOf(`04 0f 42 27 00 04 000000268945 60 ${BMP60}`));
    expect(m.ok).toBe(true);
    if (!m.ok || m.value.kind !== 'status') return;
    const counts = Object.fromEntries((m.value.info.totals?.brands ?? []).map((b) => [b.brand, [b.count, b.amountMinor]]));
    expect(counts).toMatchObject({ girocard: [12, 12345], Mastercard: [16, 1600], other: [255, 255000], VISA: [0, 0] });
    expect(m.value.info.totals).toMatchObject({ receiptFrom: 1, receiptTo: 30 });
  });

  it('writes the same bytes (the simulator end-of-day)', () => {
    const t = encodeTotals({
      receiptFrom: 1,
      receiptTo: 30,
      brands: [
        { brand: 'girocard', count: 12, amountMinor: 12345 },
        { brand: 'Mastercard', count: 16, amountMinor: 1600 },
        { brand: 'other', count: 255, amountMinor: 255000 },
      ],
    });
    expect(t.ok && hex(t.value).replaceAll(' ', '')).toBe(BMP60.replaceAll(' ', '').slice(6));
  });
});

describe('character set and currency at registration ([S] §2.1, TLV tags 14 / 27, §1.4)', () => {
  it('reads a real registration with a TLV container: ecrterm test_parsing PACKET_LIST', () => {
    const a = apduOf(
      '06 00 63 00 00 00 FE 09 78 03 00 06 59 10 02 16 02 12 01 40 1A 02 10 00 26 28 0A 02 04 0F 0A 02 06 0F 0A 02 06 1E 0A 02 04 FF ' +
        '0A 02 06 D8 0A 02 06 DB 0A 02 06 D9 0A 02 06 DA 0A 02 06 DD 0A 02 06 D3 27 03 14 01 FF 28 10 15 02 44 45 15 02 45 4E 15 02 46 ' +
        '52 15 02 49 54 40 02 C0 00 1F 04 02 F1 00 1F 05 01 00',
    );
    expect(parseEcrCommand(a)).toEqual({
      ok: true,
      value: { kind: 'registration', password: '000000', configByte: 0xfe, currency: 978, charset: CHARSET.cp437 },
    });
  });

  it('reads the character set a real completion echoes: ecrterm test_parsing PACKET_LIST', () => {
    const m = parsePtMessage(apduOf('06 0F 11 19 00 29 52 00 12 33 49 09 78 06 05 27 03 14 01 FF'));
    expect(m).toMatchObject({ ok: true, value: { kind: 'completion', terminalId: '52001233', charset: CHARSET.cp437 } });
  });

  it('asks for UTF-8 with one tag 14 (FE) in tag 27, after the positional CNY code 01 56', () => {
    // [S] §2.1: <pw><config>[<CC>[03<sb>][06<TLV>]]; tag 27 holding a single tag 14 = "use this set".
    const r = build.registration('123456', 0xba, CURRENCY.CNY, CHARSET.utf8);
    expect(r.ok && hex(Uint8Array.from([r.value.cls, r.value.ins, r.value.data.length, ...r.value.data]))).toBe(
      '06 00 0d 12 34 56 ba 01 56 06 05 27 03 14 01 fe',
    );
    expect(parseEcrCommand(apduOf('06 00 0d 12 34 56 ba 01 56 06 05 27 03 14 01 fe'))).toMatchObject({
      ok: true,
      value: { currency: 156, charset: CHARSET.utf8 },
    });
    // The PT accepts by echoing tag 27 in its completion; without it, CP437 stays.
    expect(parsePtMessage(apduOf('06 0F 0C 29 52 50 00 01 06 05 27 03 14 01 FE'))).toMatchObject({ ok: true, value: { charset: CHARSET.utf8 } });
    expect(parsePtMessage(apduOf('06 0F 05 29 52 50 00 01'))).toMatchObject({ ok: true, value: { charset: CHARSET.cp437 } });
  });

  it('the constructed CNY registration of the fact sheet frames to 1002060006123456DE01561003CD57', () => {
    const r = build.registration('123456', 0xde, CURRENCY.CNY);
    expect(r.ok && frameOf(r.value)).toBe('1002060006123456de01561003cd57');
  });

  it('wrong currency: 06 1E 03 6F 09 78 carries the terminal currency after result code 6F ([S] §2.2.9, §3.3)', () => {
    expect(parsePtMessage(apduOf('06 1E 03 6F 09 78'))).toEqual({
      ok: true,
      value: { kind: 'abort', resultCode: 0x6f, result: 'terminal.result.wrong_currency' },
    });
    const a = ptBuild.abort(0x6f, CURRENCY.EUR);
    expect(hex(Uint8Array.from([a.cls, a.ins, a.data.length, ...a.data]))).toBe('06 1e 03 6f 09 78');
  });

  it('decodes print lines in UTF-8 once agreed, CP437 otherwise', () => {
    const zh = apduOf('06 D1 0E 00 e9 87 91 e9 a2 9d 20 43 4e 59 20 31 30'); // attribute 00 + UTF-8 "金额 CNY 10"
    expect(parsePtMessage(zh, { charset: CHARSET.utf8 })).toMatchObject({ ok: true, value: { line: { text: '金额 CNY 10' } } });
    const asCp437 = parsePtMessage(zh);
    expect(asCp437.ok && asCp437.value.kind === 'print_line' && asCp437.value.line.text).not.toContain('金');
  });
});
