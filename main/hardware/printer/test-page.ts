// "Print test page" on the settings screen: proves the transport, the width and the code page
// in one go, and says in a stable code why it did not work.
import type { Locale } from '../../../preload/contract/primitives';
import type { ReceiptBlock, ReceiptDocument } from './receipt-document';
import { encodeReceipt } from './encoder';
import { profileColumns, type PrinterProfile } from './printer-profile';
import { receiptTranslator } from './receipt-strings';
import type { PrinterProblem, PrinterStatus } from './status';
import type { PrinterTransport, TransportErrorCode } from './transports/transport';

export type TestPageErrorCode = TransportErrorCode | Exclude<PrinterProblem, 'printer.no_answer' | 'printer.paper_near_end'>;

export type TestPageResult =
  | { ok: true; value: { bytes: number; status: PrinterStatus } }
  | { ok: false; error: { code: TestPageErrorCode; params: { detail?: string; status?: PrinterStatus } } };

export function buildTestPage(profile: PrinterProfile, locale: Locale = 'zh-CN'): ReceiptDocument {
  const t = receiptTranslator(locale);
  const columns = profileColumns(profile);
  const ruler = Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join('');
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: 'Ringup', align: 'center', bold: true, tall: true },
    { kind: 'text', text: t('test.title'), align: 'center', bold: true },
    { kind: 'rule' },
    { kind: 'text', text: ruler, align: 'left' },
    { kind: 'text', text: t('test.width', { columns }), align: 'left' },
    { kind: 'text', text: t('test.encoding', { encoding: profile.encoding }), align: 'left' },
    { kind: 'text', text: '中文打印 ABC abc 123', align: 'left' },
    { kind: 'row', left: '¥', right: '¥12.50' },
    { kind: 'rule' },
    { kind: 'text', text: t('test.ok'), align: 'center' },
    { kind: 'qr', data: 'ringup:test-page' },
  ];
  return { kind: 'test-page', locale, currency: 'CNY', documentId: 'test-page', duplicateCopy: null, openDrawer: false, blocks };
}

export async function printTestPage(
  profile: PrinterProfile,
  transport: PrinterTransport,
  options: { locale?: Locale; statusTimeoutMs?: number } = {},
): Promise<TestPageResult> {
  return printNow(buildTestPage(profile, options.locale), profile, transport, options);
}

/**
 * Prints one document straight away, outside the job queue (a test page, an operator badge):
 * asks the printer first and says in a stable code why it could not print.
 */
export async function printNow(
  doc: ReceiptDocument,
  profile: PrinterProfile,
  transport: PrinterTransport,
  options: { statusTimeoutMs?: number } = {},
): Promise<TestPageResult> {
  const status = await transport.queryStatus({ timeoutMs: options.statusTimeoutMs ?? 1500, drawerOpenLevel: profile.drawer.openLevel });
  // A printer that answers and says it cannot print: tell why instead of queueing bytes.
  // One that does not answer may simply not support status (USB without IN endpoint): try.
  if (status.answered && !status.ready) {
    const code = status.problems[0];
    if (code && code !== 'printer.no_answer' && code !== 'printer.paper_near_end') return { ok: false, error: { code, params: { status } } };
  }
  const bytes = encodeReceipt(doc, profile);
  const sent = await transport.send(bytes);
  if (!sent.ok) return sent;
  return { ok: true, value: { bytes: bytes.length, status } };
}
