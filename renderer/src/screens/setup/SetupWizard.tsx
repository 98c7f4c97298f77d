import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CallInput, SessionView, StoreSettings } from '../../../../preload/contract';
import { isRegisterId, isStorePhone, isStoreTaxId, MAX_REGISTER_ID, MAX_STORE_PHONE, MAX_STORE_TAX_ID } from '../../../../preload/contract/store-details';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { isUiLocale } from '../../i18n';
import { api } from '../../transport/api';
import { CsvImport } from '../back-office/CatalogSection';
import { PrinterSection } from '../printing/PrinterSection';
import { TerminalSettings } from '../card-terminal/TerminalSettings';
import { ReceiptLanguageField } from './ReceiptLanguageField';
import { SelfCheckPanel } from './SelfCheckPanel';
import { TaxRatesEditor } from './TaxRatesEditor';
import { useStepFocus } from './use-step-focus';
import { rememberedStep, rememberStep } from './wizard-step-memory';

/** The steps after the owner exists (the owner's own step is SetupScreen). Each can be skipped and is in the back office later. */
const STEPS = ['store', 'register', 'receipt', 'taxes', 'catalog', 'printer', 'terminal'] as const;
type Step = (typeof STEPS)[number];
/** Steps whose changes are kept as they are made (a rate added, products imported): leaving them skips nothing. */
const SAVED_AS_MADE: ReadonlySet<Step> = new Set(['taxes', 'catalog', 'printer', 'terminal']);

/**
 * The rest of the first run, with the owner logged in: store details, register and money,
 * receipt, tax rates, a catalog (import or the demo), then the printer and the card terminal,
 * each tested with a button that says plainly what is wrong. Finishing (or "finish later")
 * records that the wizard is done.
 */
export function SetupWizard({ onDone }: { session: SessionView; onDone(): void }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(() => rememberedStep(STEPS));
  const [settings, setSettings] = useState<StoreSettings | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const step: Step = STEPS[index] ?? 'store';
  const body = useStepFocus<HTMLDivElement>(settings ? step : null);

  useEffect(() => {
    void api.invoke('settings.get', {}).then((r) => (r.ok ? setSettings(r.value) : setError(r.error)));
  }, []);

  const finish = async () => {
    const result = await api.invoke('settings.update', { setupWizardDone: true });
    if (!result.ok) return setError(result.error);
    rememberStep(null);
    onDone();
  };
  /** Another step: what was said about the last one (a refused register ID) is not about this one. */
  const goTo = (to: number) => {
    setError(null);
    setIndex(to);
    rememberStep(STEPS[to] ?? null);
  };
  const next = () => (index + 1 < STEPS.length ? goTo(index + 1) : void finish());
  const save = async (patch: CallInput<'settings.update'>) => {
    const result = await api.invoke('settings.update', patch);
    if (!result.ok) return setError(result.error);
    setError(null);
    setSettings(result.value);
    next();
  };

  return (
    <main className="screen screen--centered">
      <section className="panel wizard" aria-labelledby="wizard-title" data-testid="wizard">
        <div className="panel__top">
          <h1 id="wizard-title">{t('wizard.title')}</h1>
          {/* Not before the step's form is in: the centred card grows then, and a button that had
              already shown moved under the pointer (a click on it in that moment hit nothing). */}
          {(settings || error) && (
            <button type="button" className="button" onClick={() => void finish()} data-testid="wizard-later">
              {t('wizard.later')}
            </button>
          )}
        </div>
        <ol className="wizard__steps">
          {STEPS.map((s, i) => (
            <li key={s} aria-current={i === index ? 'step' : undefined}>
              {t(`wizard.step.${s}`)}
            </li>
          ))}
        </ol>
        <h2 data-testid="wizard-step">{t(`wizard.step.${step}`)}</h2>
        <p className="muted">{t(`wizard.hint.${step}`)}</p>
        {settings && (
          <div ref={body} className="wizard__body">
            <StepBody step={step} settings={settings} onSave={(p) => void save(p)}>
              <div className="back-office__row" data-wizard-way>
                {index > 0 && (
                  <button type="button" className="button" onClick={() => goTo(index - 1)} data-testid="wizard-back">
                    {t('wizard.back')}
                  </button>
                )}
                <button type="button" className="button" onClick={next} data-testid="wizard-skip">
                  {t(index + 1 === STEPS.length ? 'wizard.finish' : SAVED_AS_MADE.has(step) ? 'wizard.next' : 'wizard.skip')}
                </button>
              </div>
            </StepBody>
          </div>
        )}
        <ErrorNote error={error} />
      </section>
    </main>
  );
}

function StepBody({
  step,
  settings,
  onSave,
  children,
}: {
  step: Step;
  settings: StoreSettings;
  onSave(patch: CallInput<'settings.update'>): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(settings);
  // What the page refuses before sending; main's schema holds the same rules (store-details.ts).
  const [problem, setProblem] = useState<string | null>(null);
  // The form outlives its step (what was typed and skipped is still there on coming back); what was said about it does not.
  useEffect(() => setProblem(null), [step]);
  const set = <K extends keyof StoreSettings>(key: K, value: StoreSettings[K]) => {
    setProblem(null);
    setForm({ ...form, [key]: value });
  };
  const text = (
    key: 'storeName' | 'storeAddress' | 'storeTaxId' | 'storePhone' | 'registerId' | 'currency' | 'receiptFooter' | 'receiptHeader',
    label: string,
    max: number,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input value={form[key]} onChange={(e) => set(key, e.target.value)} maxLength={max} autoComplete="off" data-testid={`wizard-${key}`} />
    </label>
  );
  /** `refusal`: the ui.json key of what is wrong with the form, or null to send the patch. */
  const saveButton = (patch: CallInput<'settings.update'>, refusal: string | null = null) => (
    <>
      <ErrorNote message={problem} />
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          setProblem(refusal === null ? null : t(refusal));
          if (refusal === null) onSave(patch);
        }}
        data-testid="wizard-save"
      >
        {t('wizard.saveNext')}
      </button>
    </>
  );

  switch (step) {
    case 'store':
      return (
        <div className="form-grid">
          {/* The name given with the owner, here to check or put right: it heads the screen and every receipt. */}
          {text('storeName', t('setup.storeName'), 80)}
          {text('storeAddress', t('backOffice.settings.storeAddress'), 200)}
          {text('storeTaxId', t('backOffice.settings.storeTaxId'), MAX_STORE_TAX_ID)}
          {text('storePhone', t('settingsMore.storePhone'), MAX_STORE_PHONE)}
          {saveButton(
            { storeName: form.storeName.trim(), storeAddress: form.storeAddress, storeTaxId: form.storeTaxId, storePhone: form.storePhone },
            form.storeName.trim() === ''
              ? 'setup.storeNameRequired'
              : !isStoreTaxId(form.storeTaxId)
                ? 'wizard.badTaxId'
                : !isStorePhone(form.storePhone)
                  ? 'wizard.badPhone'
                  : null,
          )}
          {children}
        </div>
      );
    case 'register':
      return (
        <div className="form-grid">
          {text('registerId', t('backOffice.settings.registerId'), MAX_REGISTER_ID)}
          {text('currency', t('backOffice.settings.currency'), 3)}
          <label className="field">
            <span>{t('backOffice.settings.storeLocale')}</span>
            <select value={form.storeLocale} onChange={(e) => isUiLocale(e.target.value) && set('storeLocale', e.target.value)} data-testid="wizard-locale">
              <option value="zh-CN">{t('language.zh-CN')}</option>
              <option value="en">{t('language.en')}</option>
            </select>
          </label>
          {saveButton(
            { registerId: form.registerId.trim(), currency: form.currency.trim().toUpperCase(), storeLocale: form.storeLocale },
            isRegisterId(form.registerId) ? null : 'wizard.badRegisterId',
          )}
          {children}
        </div>
      );
    case 'receipt':
      return (
        <div className="form-grid">
          <ReceiptLanguageField value={form.receiptLocale} storeLocale={form.storeLocale} onChange={(locale) => set('receiptLocale', locale)} />
          {text('receiptHeader', t('settingsMore.receiptHeader'), 200)}
          {text('receiptFooter', t('backOffice.settings.receiptFooter'), 200)}
          {saveButton({ receiptLocale: form.receiptLocale, receiptHeader: form.receiptHeader, receiptFooter: form.receiptFooter })}
          {children}
        </div>
      );
    case 'taxes':
      return (
        <>
          <TaxRatesEditor />
          {children}
        </>
      );
    case 'catalog':
      return (
        <>
          <DemoCatalog />
          <CsvImport />
          {children}
        </>
      );
    case 'printer':
      return (
        <>
          <PrinterSection />
          {children}
        </>
      );
    case 'terminal':
      return (
        <>
          <TerminalSettings />
          <h3>{t('wizard.testTerminal')}</h3>
          <SelfCheckPanel only={['terminal']} />
          {children}
        </>
      );
  }
}

function DemoCatalog() {
  const { t } = useTranslation();
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const load = async () => {
    const result = await api.invoke('catalog.importDemo', {});
    if (!result.ok) return setError(result.error);
    setDone(result.value.imported);
  };
  return (
    <div className="back-office__card">
      <button type="button" className="button button--primary" onClick={() => void load()} data-testid="wizard-demo">
        {t('wizard.demo')}
      </button>
      <Notice message={done === null ? null : t('backOffice.catalog.imported', { count: done })} testId="wizard-demo-done" />
      <ErrorNote error={error} />
    </div>
  );
}
