import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, SelfCheckItem, SelfCheckView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useScanner } from '../../keyboard/use-scanner';
import { api } from '../../transport/api';
import { useFormat } from '../../state/store-context';
import { BarcodeBars } from './BarcodeBars';
import { checkProblemText } from './check-problem';

/** Facts whose value is a word of main's (ok, failed, open, near_end...), said in the UI's language. */
const WORDED_FACTS = new Set(['statusEnquiry', 'paper', 'cover', 'drawer', 'integrity']);

/** One device or the ledger: its state, what was found, and each problem with its fix in plain words. */
export function CheckItem({ item, level = 4 }: { item: SelfCheckItem; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const { t } = useTranslation();
  const format = useFormat();
  const facts = Object.entries(item.facts).filter(([, v]) => v !== null && v !== undefined);
  // A fact in words: yes/no, the terminal's state by its key, the printer's paper and cover;
  // numbers, ids and versions as they are.
  const factValue = (key: string, value: unknown): string => {
    if (key === 'freeBytes') return `${Math.floor(Number(value) / 1024 / 1024)} MB`;
    // Moments as the rest of the UI writes them, in its language (not the browser's).
    if (key.endsWith('At') && typeof value === 'number') return format.dateTime(value);
    if (key === 'buildDate' && typeof value === 'string') return format.isoDateTime(value);
    if (typeof value === 'boolean') return t(value ? 'selfCheck.value.yes' : 'selfCheck.value.no');
    if (key === 'terminalStatus') return t(String(value), { defaultValue: String(value) });
    if (typeof value === 'string' && WORDED_FACTS.has(key)) return t(`selfCheck.value.${value}`, { defaultValue: value });
    return String(value);
  };
  return (
    <div className="self-check__item" data-state={item.state} data-testid={`check-${item.id}`}>
      <Heading>
        {t(`selfCheck.item.${item.id}`)} — <span data-testid={`check-${item.id}-state`}>{t(`selfCheck.state.${item.state}`)}</span>
      </Heading>
      {item.problems.map((p) => {
        const text = checkProblemText(p, t, format.dateTime, format.error);
        return (
          <p key={p.code} data-testid={`check-${item.id}-problem`}>
            <strong>{text.problem}</strong> {text.fix}
          </p>
        );
      })}
      {facts.length > 0 && (
        <p className="muted small" data-testid={`check-${item.id}-facts`}>
          {facts.map(([k, v]) => t('selfCheck.factLine', { name: t(`selfCheck.fact.${k}`, { defaultValue: k }), value: factValue(k, v) })).join(' · ')}
        </p>
      )}
    </div>
  );
}

/**
 * The hardware self-check: every part, checked on demand; the scanner part waits for the test code.
 * `level`: the parts' heading level under the page's (h3 in the back office, h4 in a wizard step).
 */
export function SelfCheckPanel({ only, level = 4 }: { only?: SelfCheckItem['id'][]; level?: 3 | 4 }) {
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
        <CheckItem key={item.id} item={item} level={level} />
      ))}
      {view && (!only || only.includes('scanner')) && (
        <div className="self-check__test-code">
          <p>{t('selfCheck.scanThis')}</p>
          <BarcodeBars widths={view.scannerTestBars} label={t('selfCheck.testCodeLabel', { code: view.scannerTestCode })} testId="scanner-test-barcode" />
          <span className="barcode-text" data-testid="scanner-test-code">
            {view.scannerTestCode}
          </span>
        </div>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

/** The back office's self-check section: every part. */
export function SelfCheckSection() {
  return <SelfCheckPanel level={3} />;
}
