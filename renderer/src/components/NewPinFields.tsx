import { useTranslation } from 'react-i18next';

// Same rule as the contract's `pin` (preload/contract/primitives.ts); checked here first so the
// form can say what is wrong before anything is sent.
const PIN_PATTERN = /^[0-9]{4,8}$/;

/**
 * Why a new PIN typed twice cannot be used yet, as a translation key, or null when it can.
 * Both places that choose a PIN (first-run setup, adding staff) must ask the same questions.
 */
export function newPinProblem(pin: string, pinAgain: string): 'setup.pinFormat' | 'setup.pinMismatch' | null {
  if (!PIN_PATTERN.test(pin)) return 'setup.pinFormat';
  if (pin !== pinAgain) return 'setup.pinMismatch';
  return null;
}

/** The two password fields for choosing a PIN; the caller lays them out and shows the hint. */
export function NewPinFields({
  pin,
  pinAgain,
  onPin,
  onPinAgain,
}: {
  pin: string;
  pinAgain: string;
  onPin(value: string): void;
  onPinAgain(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span>{t('setup.pin')}</span>
        <input value={pin} onChange={(e) => onPin(e.target.value)} type="password" inputMode="numeric" maxLength={8} autoComplete="new-password" />
      </label>
      <label className="field">
        <span>{t('setup.pinAgain')}</span>
        <input value={pinAgain} onChange={(e) => onPinAgain(e.target.value)} type="password" inputMode="numeric" maxLength={8} autoComplete="new-password" />
      </label>
    </>
  );
}
