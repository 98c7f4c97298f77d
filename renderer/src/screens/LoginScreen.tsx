import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, OperatorView, SessionView } from '../../../preload/contract';
import { ErrorNote } from '../components/ErrorNote';
import { Header } from '../components/Header';
import { PinPad } from '../components/PinPad';
import { api } from '../transport/api';

/** Pick yourself, key your PIN. Digits, Backspace and Enter work from the keyboard too. */
export function LoginScreen({ session, onLoggedIn }: { session: SessionView; onLoggedIn(view: SessionView): void }) {
  const { t } = useTranslation();
  const [operators, setOperators] = useState<OperatorView[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);

  const loadOperators = useCallback(async () => {
    const result = await api.invoke('session.operators', {});
    if (!result.ok) return setError(result.error);
    setOperators(result.value);
    setSelected((current) => current ?? (result.value.length === 1 ? (result.value[0]?.id ?? null) : null));
  }, []);

  useEffect(() => void loadOperators(), [loadOperators]);

  const submit = async () => {
    if (selected === null || pin.length < 4 || busy) return;
    setBusy(true);
    const result = await api.invoke('session.login', { operatorId: selected, pin });
    setBusy(false);
    setPin('');
    if (result.ok) return onLoggedIn(result.value);
    setError(result.error);
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
            {operators.map((op) => (
              <button
                key={op.id}
                type="button"
                role="option"
                aria-selected={selected === op.id}
                className={`operator${selected === op.id ? ' operator--selected' : ''}`}
                onClick={() => {
                  setSelected(op.id);
                  setError(null);
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
                setError(null);
              }}
              onSubmit={() => void submit()}
              busy={busy}
            />
          )}
          {selected === null && <p className="muted">{t('login.pickOperator')}</p>}
          <ErrorNote error={error} />
        </section>
      </main>
    </div>
  );
}
