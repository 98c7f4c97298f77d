import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, RegisterPlatform, SessionView } from '../../../preload/contract';
import { errorMessage } from '../i18n/error-message';
import { formatMoney, formatQty, formatWeight, formatRate } from '../format/money';

/** Everything a screen needs to show the store's numbers in the cashier's language. */
export interface StoreFormat {
  locale: string;
  currency: string;
  money(minor: number): string;
  qty(qtyMilli: number): string;
  weight(grams: number): string;
  rate(rateBp: number): string;
  error(error: CallError): string;
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
  return useMemo(
    () => ({
      locale,
      currency,
      money: (minor: number) => formatMoney(minor, currency, locale),
      qty: (qtyMilli: number) => formatQty(qtyMilli, locale),
      weight: (grams: number) => formatWeight(grams, locale),
      rate: (rateBp: number) => formatRate(rateBp, locale),
      error: (error: CallError) => errorMessage(error, t, locale, currency),
    }),
    [locale, currency, t],
  );
}
