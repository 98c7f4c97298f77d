import { useTranslation } from 'react-i18next';
import { HardwareBanner } from './components/HardwareBanner';
import { ErrorNote } from './components/ErrorNote';
import { LoginScreen } from './screens/LoginScreen';
import { RegisterFlow } from './screens/RegisterFlow';
import { SetupScreen } from './screens/SetupScreen';
import { StoreProvider } from './state/store-context';
import { useSession } from './state/use-session';

/** Setup on the first run, then login, then the register; main decides which by its session. */
export function App() {
  const { t } = useTranslation();
  const { session, failed, accept, refresh } = useSession();

  if (!session) {
    return (
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
    );
  }

  return (
    <StoreProvider session={session}>
      <HardwareBanner />
      {session.needsSetup ? (
        <SetupScreen onDone={accept} />
      ) : session.operator === null ? (
        <LoginScreen session={session} onLoggedIn={accept} />
      ) : (
        <RegisterFlow key={session.operator.id} session={session} onLogout={() => void refresh()} />
      )}
    </StoreProvider>
  );
}
