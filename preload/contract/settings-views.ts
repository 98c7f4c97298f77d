// Store settings and the journal check.
import type { Locale } from './primitives';
import type { ScaleLabelLayout } from './scale-label';

export interface StoreSettings {
  storeName: string;
  storeAddress: string;
  storeTaxId: string;
  storeLocale: Locale;
  /** The language receipts are printed in; null = the store's language (storeLocale). */
  receiptLocale: Locale | null;
  currency: string;
  pricesIncludeTax: boolean;
  /** 0 = no cash rounding; e.g. 10 rounds cash due to 0.10. */
  cashRoundingStepMinor: number;
  /** Largest discount a cashier may give without a supervisor, in basis points. */
  cashierDiscountLimitBp: number;
  receiptFooter: string;
  registerId: string;
  /** Open the drawer automatically when a sale has a cash tender. */
  drawerOnCash: boolean;
  /** The store's IANA time zone: business days and reports follow its clock. */
  timeZone: string;
  /** HH:MM local time at which the business day rolls over (a bar's sales after midnight stay in the evening's day). */
  businessDayStartsAt: string;
  /** Returns without a receipt: the most refunded in one business day, by the whole register and by one operator (0 = none allowed). */
  noReceiptRefundDayLimitMinor: number;
  noReceiptRefundOperatorLimitMinor: number;
  /** Notes and coins the drawer is counted in, minor units, largest first; empty = the currency's usual ones. */
  cashDenominationsMinor: number[];
  /** A cashier's badge alone logs them in (no PIN); supervisors and owners always type their PIN. */
  badgeOnlyForCashiers: boolean;
  storePhone: string;
  /** Lines printed under the store's name and address (opening hours, a slogan). */
  receiptHeader: string;
  /** The receipt logo: a black-and-white PNG (base64), printed as a raster image; '' = none. */
  receiptLogoPng: string;
  /** Largest discount a supervisor may give on their own (an owner's approval beyond it), basis points. */
  supervisorDiscountLimitBp: number;
  theme: DisplayTheme;
  fontSize: FontSize;
  /** In-app screen brightness in percent (the desktop shell dims its window; in a browser the system's brightness rules). */
  screenBrightness: number;
  soundOnScan: boolean;
  soundOnError: boolean;
  /** Where the desktop shell looks for updates (electron-updater's generic provider); '' = never. */
  updateFeedUrl: string;
  /** The first-run wizard is finished or skipped; its steps stay in the back office. */
  setupWizardDone: boolean;
  /** How the store's scales print labels, one layout per prefix (20–29); a prefix not listed is an ordinary code. */
  scaleLabelLayouts: ScaleLabelLayout[];
  /** 整单取消 by a cashier needs a supervisor's approval. */
  cancelSaleNeedsSupervisor: boolean;
}

export type DisplayTheme = 'light' | 'dark' | 'high-contrast';
export type FontSize = 'normal' | 'large' | 'x-large';

export interface JournalVerification {
  ok: boolean;
  entries: number;
  firstBadSeq: number | null;
  /**
   * gap: an entry is missing; document_differs: the document a `<kind>.completed` entry records
   * no longer matches the digest in it; the others: that entry was changed. Translated as
   * `journal.break.<reason>`.
   */
  reason: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'payload_not_canonical' | 'fields_differ' | 'document_differs' | null;
}
