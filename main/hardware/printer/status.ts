// DLE EOT status bytes → plain data the UI can show. Every real-time status byte has bits 1
// and 4 set and bits 0 and 7 clear, so `(b & 0x93) === 0x12` tells a status byte apart from
// the other bytes a printer sends (the `GS r 1` answer receiptline asks for, ASB, line noise).

export type PrinterProblem = 'printer.paper_out' | 'printer.paper_near_end' | 'printer.cover_open' | 'printer.offline' | 'printer.error' | 'printer.no_answer';

export interface PrinterStatus {
  /** The printer answered every request (otherwise the flags below are unknown and false). */
  answered: boolean;
  /** Answered and nothing stops printing (paper near end is only a warning). */
  ready: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  offline: boolean;
  error: boolean;
  /** Drawer switch level (DLE EOT 1 bit 2); null when unknown. */
  drawerPinHigh: boolean | null;
  /** Drawer open, given the profile's open level; null when unknown. */
  drawerOpen: boolean | null;
  /** Stable keys, most specific first, for the banner and the journal. */
  problems: PrinterProblem[];
  /** The validated bytes, by DLE EOT n. */
  raw: Partial<Record<StatusRequestN, number>>;
}

export type StatusRequestN = 1 | 2 | 4;
export const statusRequests: readonly StatusRequestN[] = [1, 2, 4];

export function isStatusByte(b: number): boolean {
  return Number.isInteger(b) && b >= 0 && b <= 0xff && (b & 0x93) === 0x12;
}

export function noAnswerStatus(): PrinterStatus {
  return {
    answered: false,
    ready: false,
    paperOut: false,
    paperNearEnd: false,
    coverOpen: false,
    offline: false,
    error: false,
    drawerPinHigh: null,
    drawerOpen: null,
    problems: ['printer.no_answer'],
    raw: {},
  };
}

/**
 * Interpret the answers to DLE EOT 1, 2 and 4. Bytes that fail validation count as no answer
 * rather than as a status, so garbage can never report "paper out" (or "all fine").
 */
export function parseStatus(raw: Partial<Record<StatusRequestN, number>>, drawerOpenLevel: 'high' | 'low' = 'high'): PrinterStatus {
  const s1 = raw[1];
  const s2 = raw[2];
  const s4 = raw[4];
  if (s1 === undefined || s2 === undefined || s4 === undefined || !isStatusByte(s1) || !isStatusByte(s2) || !isStatusByte(s4)) {
    return noAnswerStatus();
  }
  const bit = (b: number, n: number): boolean => ((b >> n) & 1) === 1;
  // n=1: bit 2 drawer pin 3 level, bit 3 offline.
  const drawerPinHigh = bit(s1, 2);
  const offline = bit(s1, 3);
  // n=2: bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error.
  const coverOpen = bit(s2, 2);
  const stoppedByPaperEnd = bit(s2, 5);
  const error = bit(s2, 6);
  // n=4: bits 2–3 paper near end, bits 5–6 paper end.
  const paperNearEnd = (s4 & 0x0c) !== 0;
  const paperOut = (s4 & 0x60) !== 0 || stoppedByPaperEnd;

  const problems: PrinterProblem[] = [];
  if (paperOut) problems.push('printer.paper_out');
  if (coverOpen) problems.push('printer.cover_open');
  if (error) problems.push('printer.error');
  // Paper out and cover open also take the printer offline; name the cause, not the symptom.
  if (offline && problems.length === 0) problems.push('printer.offline');
  if (paperNearEnd && !paperOut) problems.push('printer.paper_near_end');
  const blocking = paperOut || coverOpen || error || offline;
  return {
    answered: true,
    ready: !blocking,
    paperOut,
    paperNearEnd: paperNearEnd && !paperOut,
    coverOpen,
    offline,
    error,
    drawerPinHigh,
    drawerOpen: drawerOpenLevel === 'high' ? drawerPinHigh : !drawerPinHigh,
    problems,
    raw: { 1: s1, 2: s2, 4: s4 },
  };
}
