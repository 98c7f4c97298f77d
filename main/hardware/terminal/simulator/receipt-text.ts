// The simulated terminal's own receipt lines, in the store's language. A real terminal prints in
// the language it was set up with; ours follows the register's store (zh-CN or en). Chinese can
// only cross the line once the register agreed on UTF-8 at registration, so a register that did
// not gets English.
import { CURRENCY } from '../commands';

export type SimLanguage = 'zh-CN' | 'en';

type WordKey =
  | 'payment'
  | 'refund'
  | 'reversal'
  | 'endOfDay'
  | 'copy'
  | 'terminalId'
  | 'trace'
  | 'amount'
  | 'receiptNo'
  | 'authCode'
  | 'approved'
  | 'declined'
  | 'signature'
  | 'reversed'
  | 'total';
export type ReceiptWords = Record<WordKey, string>;

const TEXT: Record<SimLanguage, ReceiptWords> = {
  en: {
    payment: 'CARD PAYMENT',
    refund: 'REFUND',
    reversal: 'REVERSAL',
    endOfDay: 'END OF DAY',
    copy: '** COPY **',
    terminalId: 'Terminal ID',
    trace: 'Trace',
    amount: 'Amount',
    receiptNo: 'Receipt no.',
    authCode: 'Auth code',
    approved: 'Payment approved',
    declined: 'Payment declined',
    signature: 'Cardholder signature',
    reversed: 'reversed',
    total: 'TOTAL',
  },
  'zh-CN': {
    payment: '银行卡消费',
    refund: '退货',
    reversal: '撤销',
    endOfDay: '结算',
    copy: '** 重打印 **',
    terminalId: '终端号',
    trace: '凭证号',
    amount: '金额',
    receiptNo: '票据号',
    authCode: '授权码',
    approved: '交易成功',
    declined: '交易失败',
    signature: '持卡人签名',
    reversed: '已撤销',
    total: '合计',
  },
};

export function receiptWords(language: SimLanguage): ReceiptWords {
  return TEXT[language];
}

const LETTERS: Record<number, string> = Object.fromEntries(Object.entries(CURRENCY).map(([letters, code]) => [code, letters]));

/** `4490, 156` -> `CNY 44.90`: ISO letters and a decimal point, as terminals print. */
export function money(minor: number, currency: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${LETTERS[currency] ?? String(currency).padStart(3, '0')} ${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
