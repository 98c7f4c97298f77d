import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote';
import { useCall } from '../../state/use-call';

/** The owner switches training on for this register or for single operators; main journals each switch. */
export function TrainingSection() {
  const { t } = useTranslation();
  const status = useCall('training.status');
  const operators = useCall('operator.list');
  const set = useCall('training.set');
  const { run: loadStatus } = status;
  const { run: loadOperators } = operators;

  useEffect(() => {
    void loadStatus({});
    void loadOperators({});
  }, [loadStatus, loadOperators]);

  const view = set.value ?? status.value;
  const change = async (input: { target: 'register'; on: boolean } | { target: 'operator'; operatorId: number; on: boolean }) => {
    await set.run(input);
  };

  return (
    <div className="back-office__stack">
      <p className="muted">{t('training.intro')}</p>
      <label className="check">
        <input
          type="checkbox"
          data-testid="training-register"
          checked={view?.register ?? false}
          disabled={!view || set.busy}
          onChange={(e) => void change({ target: 'register', on: e.target.checked })}
        />
        {t('training.register')}
      </label>
      <fieldset className="back-office__stack">
        <legend>{t('training.operators')}</legend>
        {(operators.value ?? [])
          .filter((o) => o.active)
          .map((o) => (
            <label key={o.id} className="check">
              <input
                type="checkbox"
                data-testid={`training-operator-${o.id}`}
                checked={view?.operatorIds.includes(o.id) ?? false}
                disabled={!view || set.busy}
                onChange={(e) => void change({ target: 'operator', operatorId: o.id, on: e.target.checked })}
              />
              {o.name}
            </label>
          ))}
      </fieldset>
      <ErrorNote error={set.error ?? status.error ?? operators.error} />
    </div>
  );
}
