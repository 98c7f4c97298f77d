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
import { useEffect } from 'react';
import { applyDisplay } from './display/display';

/** Setup on the first run, then login, then the register (screens/modes/session-modes.tsx); main decides which by its session. */
export function App() {
  const { t } = useTranslation();
  const { session, failed, accept, refresh } = useSession();
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
        {pickMode(sessionModes, session).render(session, actions)}
      </div>
    </StoreProvider>
  );
}
