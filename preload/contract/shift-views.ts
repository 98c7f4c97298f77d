// Shifts and the cash drawer as the register reports them. While a shift is open the cashier is
// shown what went in and out, never the cash the register expects: the closing count is blind.

export type ShiftState = 'open' | 'counting' | 'closed';
export type CashMovementKind = 'paid_in' | 'paid_out' | 'safe_drop' | 'float_top_up';
export type CashCountPurpose = 'opening' | 'closing' | 'recount';

export interface DenominationCountView {
  /** A note or coin, in minor units (10000 = ¥100, 10 = 1 jiao). */
  denominationMinor: number;
  count: number;
}

export interface CashCountView {
  id: number;
  purpose: CashCountPurpose;
  counts: DenominationCountView[];
  totalMinor: number;
  operatorName: string;
  countedAt: number;
}

export interface CashMovementView {
  id: number;
  shiftId: number;
  kind: CashMovementKind;
  amountMinor: number;
  reason: string;
  operatorName: string;
  approverName: string | null;
  at: number;
}

/**
 * A cash movement just recorded, and what the register did at the drawer: `queued` when the
 * printer was asked to open it and print the slip, `no_printer` when there is no printer to ask
 * (the cashier opens the drawer with its key; no slip).
 */
export interface CashMoveResult extends CashMovementView {
  drawer: 'queued' | 'no_printer';
}

/** A shift without the expected cash: what anyone at the till may see. */
export interface ShiftView {
  id: number;
  registerId: string;
  businessDay: string;
  operatorId: number;
  operatorName: string;
  openedAt: number;
  floatMinor: number;
  floatSource: 'counted' | 'carried';
  state: ShiftState;
  movements: CashMovementView[];
  closedAt: number | null;
  closedByName: string | null;
  forceReason: string | null;
  /**
   * The float against the previous close's count on this register the same business day; null
   * when there was none to compare with. Not blind: the previous close's count is offered to anyone
   * opening a shift (carry-over), and the new shift's expected cash is not in it.
   */
  handover: ShiftHandoverView | null;
}

/** The cash found at a shift's open against what the shift before it counted at its close. */
export interface ShiftHandoverView {
  previousShiftId: number;
  previousCountedMinor: number;
  floatMinor: number;
  /** float − previous count: negative, cash went missing between the two shifts; positive, cash appeared. */
  differenceMinor: number;
}

/**
 * Expected cash in the drawer, term by term:
 * float + cash taken − change given + paid-in + float top-ups − paid-out − safe drops − cash refunds − cash voids.
 */
export interface ExpectedCashView {
  floatMinor: number;
  cashTakenMinor: number;
  changeGivenMinor: number;
  paidInMinor: number;
  floatTopUpMinor: number;
  paidOutMinor: number;
  safeDropMinor: number;
  cashRefundsMinor: number;
  cashVoidsMinor: number;
  expectedMinor: number;
}

/** The blind count once entered: expected against counted, with the difference (over > 0, short < 0). */
export interface ShiftCountResultView {
  shift: ShiftView;
  /**
   * What the drawer should hold and the over/short: null for a cashier until the shift is closed.
   * Shown after a blind count, they would let the cashier recount "to match" (pocketing an over).
   */
  expected: ExpectedCashView | null;
  count: CashCountView;
  recount: CashCountView | null;
  /** The count that stands: the recount if there is one. */
  countedMinor: number;
  differenceMinor: number | null;
  recountAllowed: boolean;
}

/** What the till needs to start or carry on: the live shift, the store's denominations, the float on offer. */
export interface ShiftStateView {
  shift: ShiftView | null;
  denominations: number[];
  /** The last closed shift's count, which a new shift may take over as its float. */
  carryOver: { shiftId: number; amountMinor: number } | null;
  /** Set once the blind count has been entered (shift state `counting`). */
  closing: ShiftCountResultView | null;
}
