import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../preload/contract';
import { ErrorNote } from '../components/ErrorNote';
import { Header } from '../components/Header';
import { PinPad } from '../components/PinPad';
import { useCall } from '../state/use-call';

/** Pick yourself, key your PIN. Digits, Backspace and Enter work from the keyboard too. */
export function LoginScreen({ session, onLoggedIn }: { session: SessionView; onLoggedIn(view: SessionView): void }) {
  const { t } = useTranslation();
  const operators = useCall('session.operators');
  const login = useCall('session.login');
  const [selected, setSelected] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const askOperators = operators.run;

  const loadOperators = useCallback(async () => {
    const result = await askOperators({});
    if (!result.ok) return;
    setSelected((current) => current ?? (result.value.length === 1 ? (result.value[0]?.id ?? null) : null));
  }, [askOperators]);

  useEffect(() => void loadOperators(), [loadOperators]);

  const submit = async () => {
    if (selected === null || pin.length < 4 || login.busy) return;
    const result = await login.run({ operatorId: selected, pin });
    setPin('');
    if (result.ok) return onLoggedIn(result.value);
    // The operator list shows who is locked; refresh it after a failure.
    void loadOperators();
  };

  return (
    <div className="app-shell">
      <Header session={session} />
      <main className="screen screen--centered">
        <section className="panel login" aria-labelledby="login-title">
          <h1 id="login-title">{t('login.title')}</h1>
          <div className="operator-list" role="listbox" aria-label={t('login.operators')}>
            {(operators.value ?? []).map((op) => (
              <button
                key={op.id}
                type="button"
                role="option"
                aria-selected={selected === op.id}
                className={`operator${selected === op.id ? ' operator--selected' : ''}`}
                onClick={() => {
                  setSelected(op.id);
                  login.reset();
                  setPin('');
                }}
              >
                <span className="operator__name">{op.name}</span>
                <span className="operator__role">{t(`role.${op.role}`)}</span>
                {op.locked && <span className="operator__locked">{t('login.locked')}</span>}
              </button>
            ))}
          </div>
          {selected !== null && (
            <PinPad
              value={pin}
              onChange={(value) => {
                setPin(value);
                login.reset();
              }}
              onSubmit={() => void submit()}
              busy={login.busy}
            />
          )}
          {selected === null && <p className="muted">{t('login.pickOperator')}</p>}
          <ErrorNote error={login.error ?? operators.error} />
        </section>
      </main>
    </div>
  );
}
