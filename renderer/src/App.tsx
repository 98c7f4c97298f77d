import { useTranslation } from 'react-i18next';
import { HardwareBanner } from './components/HardwareBanner';
import { StartupSummary } from './components/StartupSummary';
import { TrainingMark } from './components/TrainingMark';
import { ErrorNote } from './components/ErrorNote';
import { pickMode } from './screens/modes/mode';
import { sessionModes, type SessionActions } from './screens/modes/session-modes';
import { LedgerProblem } from './screens/backup/LedgerProblem';
import { StoreProvider } from './state/store-context';
import { useSession } from './state/use-session';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RestoreView } from '../../preload/contract';
import { applyDisplay } from './display/display';
import { RestoreDone } from './screens/backup/RestoreDone';
import { RestoreOutcomeContext, type RestoreOutcome } from './screens/backup/restore-outcome';

/** Setup on the first run, then login, then the register (screens/modes/session-modes.tsx); main decides which by its session. */
export function App() {
  const { t } = useTranslation();
  const restoring = useRef(false);
  const { session, failed, accept, refresh, release } = useSession(() => restoring.current);
  // A restore done in this window: its success screen comes before the login screen main asks for.
  const [restored, setRestored] = useState<RestoreView | null>(null);
  const outcome = useMemo<RestoreOutcome>(
    () => ({
      started: () => {
        restoring.current = true;
      },
      finished: (view) => {
        restoring.current = false;
        release();
        if (view) setRestored(view);
      },
    }),
    [release],
  );
  useEffect(() => {
    if (session) applyDisplay(session.display);
  }, [session]);

  if (!session) {
    return (
      <div className="app-root">
        <main className="screen screen--centered">
          {failed ? (
            <div className="panel">
              <ErrorNote error={failed} />
              <button type="button" className="button button--primary" onClick={() => void refresh()}>
                {t('action.retry')}
              </button>
            </div>
          ) : (
            <p className="muted loading">{t('app.loading')}</p>
          )}
        </main>
      </div>
    );
  }

  const actions: SessionActions = { accept, refresh: () => void refresh() };
  return (
    <StoreProvider session={session}>
      <div className="app-root">
        {session.training && <TrainingMark />}
        <HardwareBanner />
        <LedgerProblem />
        {session.operator && <StartupSummary />}
        <RestoreOutcomeContext.Provider value={outcome}>
          {restored ? (
            <RestoreDone
              restored={restored}
              onContinue={() => {
                setRestored(null);
                void refresh();
              }}
            />
          ) : (
            pickMode(sessionModes, session).render(session, actions)
          )}
        </RestoreOutcomeContext.Provider>
      </div>
    </StoreProvider>
  );
}
