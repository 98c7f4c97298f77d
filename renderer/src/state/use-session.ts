import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionView } from '../../../preload/contract';
import { isUiLocale, storedLocale } from '../i18n';
import i18next from '../i18n';
import { useCall } from './use-call';
import { useEvent } from './use-event';

/**
 * Who is at the register, as main says; follows logins and logouts made in other windows. While
 * `holding()` says so (a restore under way in this window), a changed session waits until `release()`:
 * the restore's own logout must not take the screen before its outcome is shown.
 */
export function useSession(holding: () => boolean = () => false) {
  const [session, setSession] = useState<SessionView | null>(null);
  const held = useRef<SessionView | null>(null);
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

  const release = useCallback(() => {
    const view = held.current;
    held.current = null;
    if (view) accept(view);
  }, [accept]);

  useEffect(() => void refresh(), [refresh]);
  useEvent('session.changed', (view) => {
    if (holding()) held.current = view;
    else accept(view);
  });

  return { session, failed, accept, refresh, release };
}
