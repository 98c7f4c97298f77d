import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, RegisterPlatform, SessionView } from '../../../preload/contract';
import { errorMessage } from '../i18n/error-message';
import { formatMoney, formatQty, formatWeight, formatRate } from '../format/money';
import { dayAndMoment, formatDateTime, formatIsoDateTime, formatTime, machineTimeZone, storeDay, storeDayBefore } from '../format/date';

/** Everything a screen needs to show the store's numbers in the cashier's language. */
export interface StoreFormat {
  locale: string;
  currency: string;
  money(minor: number): string;
  qty(qtyMilli: number): string;
  weight(grams: number): string;
  rate(rateBp: number): string;
  error(error: CallError): string;
  /** The store's IANA zone: the clock every moment on screen is written on. */
  timeZone: string;
  time(epochMs: number): string;
  dateTime(epochMs: number): string;
  isoDateTime(iso: string): string;
  dayAndMoment(businessDay: string, epochMs: number): ReturnType<typeof dayAndMoment>;
  /** The store's calendar day now, or `daysBack` days before it (a date field's "today"). */
  today(daysBack?: number): string;
}

const StoreContext = createContext<SessionView | null>(null);

export function StoreProvider({ session, children }: { session: SessionView; children: ReactNode }) {
  return <StoreContext.Provider value={session}>{children}</StoreContext.Provider>;
}

/** The register's OS (main's): which serial port names and printer connections the settings screens offer. */
export function useRegisterPlatform(): RegisterPlatform {
  return useContext(StoreContext)?.platform ?? 'other';
}

/** The store's language: what names on receipts (and cart lines, as added) are in. */
export function useStoreLocale(): string | null {
  return useContext(StoreContext)?.storeLocale ?? null;
}

/** Re-renders on a language switch (through useTranslation) so every amount follows the UI locale. */
export function useFormat(): StoreFormat {
  const session = useContext(StoreContext);
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const currency = session?.currency ?? 'CNY';
  // Before the register answers, the machine's clock; from then on, the store's.
  const timeZone = session?.timeZone ?? machineTimeZone();
  return useMemo(
    () => ({
      locale,
      currency,
      money: (minor: number) => formatMoney(minor, currency, locale),
      qty: (qtyMilli: number) => formatQty(qtyMilli, locale),
      weight: (grams: number) => formatWeight(grams, locale),
      rate: (rateBp: number) => formatRate(rateBp, locale),
      error: (error: CallError) => errorMessage(error, t, locale, currency, timeZone),
      timeZone,
      time: (epochMs: number) => formatTime(epochMs, locale, timeZone),
      dateTime: (epochMs: number) => formatDateTime(epochMs, locale, timeZone),
      isoDateTime: (iso: string) => formatIsoDateTime(iso, locale, timeZone),
      dayAndMoment: (businessDay: string, epochMs: number) => dayAndMoment(businessDay, epochMs, locale, timeZone),
      today: (daysBack = 0) => (daysBack === 0 ? storeDay(Date.now(), timeZone) : storeDayBefore(Date.now(), timeZone, daysBack)),
    }),
    [locale, currency, timeZone, t],
  );
}
