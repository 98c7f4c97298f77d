import { useTranslation } from 'react-i18next';

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | '.' | 'back' | 'clear';

const LAYOUT: KeypadKey[] = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '00', '.'];

/** Applies a keypad press to the text being keyed. */
export function applyKey(value: string, key: KeypadKey): string {
  if (key === 'clear') return '';
  if (key === 'back') return value.slice(0, -1);
  if (key === '.' && value.includes('.')) return value;
  return value + key;
}

interface KeypadProps {
  onKey(key: KeypadKey): void;
  /** PIN entry has no decimal point or double zero. */
  digitsOnly?: boolean;
  label?: string;
  /** Waiting for something else (a card payment on the terminal): the keys do nothing. */
  disabled?: boolean;
}

/** The on-screen numeric keypad for touch; every key is at least 48px. */
export function Keypad({ onKey, digitsOnly = false, label, disabled = false }: KeypadProps) {
  const { t } = useTranslation();
  const keys = digitsOnly ? LAYOUT.filter((k) => k !== '.' && k !== '00') : LAYOUT;
  return (
    <div className={`keypad${digitsOnly ? ' keypad--digits' : ''}`} role="group" aria-label={label ?? t('keypad.label')}>
      {keys.map((key) => (
        // Keypad buttons never take focus away from the field being keyed.
        <button
          key={key}
          type="button"
          className="keypad__key"
          tabIndex={-1}
          disabled={disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onKey(key)}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        className="keypad__key keypad__key--muted"
        tabIndex={-1}
        disabled={disabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onKey('back')}
        aria-label={t('keypad.back')}
      >
        ⌫
      </button>
      <button
        type="button"
        className="keypad__key keypad__key--muted"
        tabIndex={-1}
        disabled={disabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onKey('clear')}
        aria-label={t('keypad.clear')}
      >
        C
      </button>
    </div>
  );
}
