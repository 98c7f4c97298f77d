import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '../../../preload/contract';
import { isUiLocale, storedLocale } from '../i18n';
import i18next from '../i18n';
import { useCall } from './use-call';
import { useEvent } from './use-event';

/** Who is at the register, as main says; follows logins and logouts made in other windows. */
export function useSession() {
  const [session, setSession] = useState<SessionView | null>(null);
  const { run: askSession, error: failed } = useCall('session.current');

  const accept = useCallback((view: SessionView) => {
    // Until the cashier picks a language on this machine, the store's language is the default.
    if (!storedLocale() && isUiLocale(view.storeLocale) && i18next.language !== view.storeLocale) void i18next.changeLanguage(view.storeLocale);
    setSession(view);
  }, []);

  const refresh = useCallback(async () => {
    const result = await askSession({});
    if (result.ok) accept(result.value);
  }, [askSession, accept]);

  useEffect(() => void refresh(), [refresh]);
  useEvent('session.changed', accept);

  return { session, failed, accept, refresh };
}
