import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../preload/contract';
import { ErrorNote } from '../components/ErrorNote';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NewPinFields, newPinProblem } from '../components/NewPinFields';
import { chooseLocale, isUiLocale, type UiLocale } from '../i18n';
import { useCall } from '../state/use-call';
import { RestorePanel } from './backup/RestorePanel';

/** First run: the owner names themselves, picks a PIN and names the store. No default PIN exists. */
export function SetupScreen({ onDone }: { onDone(session: SessionView): void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [storeName, setStoreName] = useState('');
  const [language, setLanguage] = useState<UiLocale>(isUiLocale(i18n.language) ? i18n.language : 'zh-CN');
  const [problem, setProblem] = useState<string | null>(null);
  const owner = useCall('setup.createOwner');
  const [restoring, setRestoring] = useState(false);
  const [bundle, setBundle] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    owner.reset();
    if (name.trim() === '') return setProblem(t('setup.nameRequired'));
    // A name of spaces is no name: the header and every receipt would say "Ringup" instead.
    if (storeName.trim() === '') return setProblem(t('setup.storeNameRequired'));
    const pinProblem = newPinProblem(pin, pinAgain);
    if (pinProblem) return setProblem(t(pinProblem));
    setProblem(null);
    const result = await owner.run({
      name: name.trim(),
      pin,
      storeLocale: language,
      storeName: storeName.trim(),
    });
    if (!result.ok) return;
    chooseLocale(language);
    onDone(result.value);
  };

  // A new or repaired machine: the shop's ledger comes back from a bundle instead of a new owner.
  // Main logs no one in after a restore, so the login screen follows (session.changed).
  if (restoring) {
    return (
      <main className="screen screen--centered">
        <div className="panel setup" aria-labelledby="restore-title">
          <div className="panel__top">
            <h1 id="restore-title">{t('setup.restore.open')}</h1>
            <LanguageSwitch />
          </div>
          <RestorePanel mode="setup" file={bundle} onFile={setBundle} />
          <button type="button" className="button" onClick={() => setRestoring(false)} data-testid="setup-new-register">
            {t('setup.restore.back')}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="screen screen--centered">
      <form className="panel setup" onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
        <div className="panel__top">
          <h1 id="setup-title">{t('setup.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('setup.intro')}</p>
        <label className="field">
          <span>{t('setup.ownerName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} autoComplete="off" />
        </label>
        {/* Paired fields, and the two buttons side by side: the form, an error included, fits a 768 px screen. */}
        <div className="field-row">
          <NewPinFields pin={pin} pinAgain={pinAgain} onPin={setPin} onPinAgain={setPinAgain} />
        </div>
        <p className="muted small setup__hint">{t('setup.pinHint')}</p>
        <div className="field-row">
          <label className="field">
            <span>{t('setup.storeName')}</span>
            <input value={storeName} onChange={(e) => setStoreName(e.target.value)} maxLength={80} autoComplete="off" />
          </label>
          <label className="field">
            <span>{t('setup.storeLanguage')}</span>
            <select value={language} onChange={(e) => isUiLocale(e.target.value) && setLanguage(e.target.value)}>
              <option value="zh-CN">{t('language.zh-CN')}</option>
              <option value="en">{t('language.en')}</option>
            </select>
          </label>
        </div>
        <ErrorNote error={owner.error} message={problem} />
        <div className="setup__actions">
          <button type="submit" className="button button--primary button--large" disabled={owner.busy} data-testid="setup-create">
            {t('setup.create')}
          </button>
          <button type="button" className="button button--large" onClick={() => setRestoring(true)} data-testid="setup-restore">
            {t('setup.restore.open')}
          </button>
        </div>
      </form>
    </main>
  );
}
