import { useCallback, useEffect, useState } from 'react';
import type { CallError, SessionView } from '../../../preload/contract';
import { isUiLocale, storedLocale } from '../i18n';
import i18next from '../i18n';
import { api } from '../transport/api';

/** Who is at the register, as main says; follows logins and logouts made in other windows. */
export function useSession() {
  const [session, setSession] = useState<SessionView | null>(null);
  const [failed, setFailed] = useState<CallError | null>(null);

  const accept = useCallback((view: SessionView) => {
    // Until the cashier picks a language on this machine, the store's language is the default.
    if (!storedLocale() && isUiLocale(view.storeLocale) && i18next.language !== view.storeLocale) void i18next.changeLanguage(view.storeLocale);
    setSession(view);
  }, []);

  const refresh = useCallback(async () => {
    const result = await api.invoke('session.current', {});
    if (result.ok) {
      setFailed(null);
      accept(result.value);
    } else setFailed(result.error);
  }, [accept]);

  useEffect(() => {
    void refresh();
    return api.on('session.changed', accept);
  }, [refresh, accept]);

  return { session, failed, accept, refresh };
}
