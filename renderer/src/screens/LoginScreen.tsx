import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../preload/contract';
import { ErrorNote } from '../components/ErrorNote';
import { Header } from '../components/Header';
import { PinPad } from '../components/PinPad';
import { useFormat } from '../state/store-context';
import { useCall } from '../state/use-call';
import { useScanner } from '../keyboard/use-scanner';

/** Pick yourself, key your PIN. Digits, Backspace and Enter work from the keyboard too. */
export function LoginScreen({ session, onLoggedIn }: { session: SessionView; onLoggedIn(view: SessionView): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const operators = useCall('session.operators');
  const login = useCall('session.login');
  const byNumberLogin = useCall('session.loginNumber');
  const badgeLogin = useCall('session.loginBadge');
  const [selected, setSelected] = useState<number | null>(null);
  /** Counts the taps on an operator: each one, even on the one already picked, gives the PIN field a fresh start and the focus. */
  const [picks, setPicks] = useState(0);
  const [pin, setPin] = useState('');
  /** The badge scanned for the picked operator: sent again with the PIN. */
  const [badge, setBadge] = useState<string | null>(null);
  const [byNumber, setByNumber] = useState(false);
  const [number, setNumber] = useState('');
  const busy = login.busy || byNumberLogin.busy || badgeLogin.busy;
  const resetAll = () => {
    login.reset();
    byNumberLogin.reset();
    badgeLogin.reset();
  };
  const askOperators = operators.run;

  const loadOperators = useCallback(async () => {
    const result = await askOperators({});
    if (!result.ok) return;
    setSelected((current) => current ?? (result.value.length === 1 ? (result.value[0]?.id ?? null) : null));
  }, [askOperators]);

  useEffect(() => void loadOperators(), [loadOperators]);

  // A badge scanned on this screen picks its operator (or logs a cashier straight in, if the owner allows).
  useScanner((code) => {
    if (busy) return;
    resetAll();
    setPin('');
    void badgeLogin.run({ code: code.slice(0, 64) }).then((result) => {
      if (!result.ok) return;
      if (result.value.session) return onLoggedIn(result.value.session);
      setByNumber(false);
      setSelected(result.value.operatorId);
      setBadge(code.slice(0, 64));
    });
  });

  const submit = async () => {
    if (pin.length < 4 || busy) return;
    if (byNumber) {
      const operatorNumber = Number(number);
      if (!Number.isInteger(operatorNumber) || operatorNumber < 1) return;
      const result = await byNumberLogin.run({ number: operatorNumber, pin });
      setPin('');
      if (result.ok) onLoggedIn(result.value);
      return;
    }
    if (selected === null) return;
    if (badge !== null) {
      const result = await badgeLogin.run({ code: badge, pin });
      setPin('');
      if (result.ok && result.value.session) return onLoggedIn(result.value.session);
      return void loadOperators();
    }
    const result = await login.run({ operatorId: selected, pin });
    setPin('');
    if (result.ok) return onLoggedIn(result.value);
    // The operator list shows who is locked; refresh it after a failure.
    void loadOperators();
  };

  const refusal = login.error ?? byNumberLogin.error ?? badgeLogin.error ?? operators.error;
  const lockedUntil = refusal?.code === 'session.locked' && typeof refusal.params.until === 'number' ? refusal.params.until : null;
  // Only a supervisor or the owner unlocks (operator.unlock): "或由主管解锁" is no help in a new shop
  // whose only owner is the one locked out, who can only wait.
  const someoneCanUnlock = (operators.value ?? []).some((op) => op.id !== selected && op.role !== 'cashier' && !op.locked);
  const onlyWait = lockedUntil !== null && !someoneCanUnlock;

  return (
    <div className="app-shell">
      <Header session={session} />
      <main className="screen screen--centered">
        <section className="panel login" aria-labelledby="login-title">
          <h1 id="login-title">{t('login.title')}</h1>
          <p className="muted small">{t('login.badgeHint')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setByNumber(!byNumber);
              setSelected(null);
              setBadge(null);
              setPin('');
              resetAll();
            }}
            data-testid="login-by-number"
          >
            {t(byNumber ? 'login.pickFromList' : 'login.byNumber')}
          </button>
          {byNumber && (
            <label className="field">
              <span>{t('login.number')}</span>
              <input value={number} onChange={(e) => setNumber(e.target.value.replace(/\D/g, '').slice(0, 6))} inputMode="numeric" data-testid="login-number" />
            </label>
          )}
          <div className="operator-list" role="listbox" aria-label={t('login.operators')} hidden={byNumber}>
            {(operators.value ?? []).map((op) => (
              <button
                key={op.id}
                type="button"
                role="option"
                aria-selected={selected === op.id}
                className={`operator${selected === op.id ? ' operator--selected' : ''}`}
                onClick={() => {
                  setSelected(op.id);
                  setPicks((n) => n + 1);
                  setBadge(null);
                  resetAll();
                  setPin('');
                }}
              >
                <span className="operator__name">{op.name}</span>
                <span className="operator__role">{t(`role.${op.role}`)}</span>
                {op.locked && <span className="operator__locked">{t('login.locked')}</span>}
                {/* Before the PIN: whoever logs in here sells practice, not real, sales. */}
                {op.training && (
                  <span className="operator__training" data-testid={`operator-training-${op.id}`}>
                    {t('login.inTraining')}
                  </span>
                )}
              </button>
            ))}
          </div>
          {badge !== null && selected !== null && (
            <p className="notice" data-testid="badge-picked">
              {t('login.badgePicked')}
            </p>
          )}
          {(selected !== null || byNumber) && (
            // Keyed by the operator and the tap: picking one (by touch too, even the one the screen
            // picked already, the only operator) puts the focus back in a fresh PIN field.
            <PinPad
              key={`${selected ?? 'by-number'}-${picks}`}
              value={pin}
              onChange={(value) => {
                setPin(value);
                resetAll();
              }}
              onSubmit={() => void submit()}
              busy={busy}
            />
          )}
          {selected === null && !byNumber && <p className="muted">{t('login.pickOperator')}</p>}
          <ErrorNote error={onlyWait ? null : refusal} message={onlyWait ? t('login.lockedWait', { until: format.time(lockedUntil) }) : null} />
        </section>
      </main>
    </div>
  );
}
