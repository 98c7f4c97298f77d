import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, SelfCheckItem, SelfCheckView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useScanner } from '../../keyboard/use-scanner';
import { api } from '../../transport/api';

/** One device or the ledger: its state, what was found, and each problem with its fix in plain words. */
export function CheckItem({ item }: { item: SelfCheckItem }) {
  const { t } = useTranslation();
  const facts = Object.entries(item.facts).filter(([, v]) => v !== null && v !== undefined);
  return (
    <div className="self-check__item" data-state={item.state} data-testid={`check-${item.id}`}>
      <h4>
        {t(`selfCheck.item.${item.id}`)} — <span data-testid={`check-${item.id}-state`}>{t(`selfCheck.state.${item.state}`)}</span>
      </h4>
      {item.problems.map((p) => (
        <p key={p.code} data-testid={`check-${item.id}-problem`}>
          <strong>{t(`selfCheck.problem.${p.code}`, { ...p.params, defaultValue: p.code })}</strong>{' '}
          {t(`selfCheck.fix.${p.code}`, { ...p.params, defaultValue: '' })}
        </p>
      ))}
      {facts.length > 0 && (
        <p className="muted small">
          {facts
            .map(
              ([k, v]) =>
                `${t(`selfCheck.fact.${k}`, { defaultValue: k })}: ${k === 'freeBytes' ? `${Math.floor(Number(v) / 1024 / 1024)} MB` : k.endsWith('At') && typeof v === 'number' ? new Date(v).toLocaleString() : String(v)}`,
            )
            .join(' · ')}
        </p>
      )}
    </div>
  );
}

/** The hardware self-check: every part, checked on demand; the scanner part waits for the test code. */
export function SelfCheckPanel({ only }: { only?: SelfCheckItem['id'][] }) {
  const { t } = useTranslation();
  const [view, setView] = useState<SelfCheckView | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async () => {
    setBusy(true);
    const result = await api.invoke('selfcheck.run', {});
    setBusy(false);
    if (result.ok) {
      setView(result.value);
      setError(null);
    } else setError(result.error);
  }, []);
  useEffect(() => void run(), [run]);

  useScanner((code) => {
    void api.invoke('selfcheck.scannerSeen', { code: code.slice(0, 64) }).then((r) => {
      if (!r.ok) return setError(r.error);
      setError(null);
      setView((v) => (v ? { ...v, items: v.items.map((i) => (i.id === 'scanner' ? r.value : i)) } : v));
    });
  });

  const items = view?.items.filter((i) => !only || only.includes(i.id)) ?? [];
  return (
    <div className="back-office__stack" data-testid="self-check">
      <button type="button" className="button button--primary" onClick={() => void run()} disabled={busy} data-testid="self-check-run">
        {busy ? t('selfCheck.running') : t('selfCheck.run')}
      </button>
      {items.map((item) => (
        <CheckItem key={item.id} item={item} />
      ))}
      {view && (!only || only.includes('scanner')) && (
        <p>
          {t('selfCheck.scanThis')}{' '}
          <span className="barcode-text" data-testid="scanner-test-code">
            {view.scannerTestCode}
          </span>
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

/** The back office's self-check section: every part. */
export function SelfCheckSection() {
  return <SelfCheckPanel />;
}
