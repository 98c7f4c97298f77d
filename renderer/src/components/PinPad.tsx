import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { applyKey, Keypad } from './Keypad';

interface PinPadProps {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  busy?: boolean;
  maxLength?: number;
  /** What the button does: 登录 at login, 授权 when a supervisor approves. */
  submitLabel?: string;
  /** The field, for a screen that gives it the focus back (after a name is picked). */
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** A masked PIN field with an on-screen pad. The field keeps focus so a keyboard works as well. */
export function PinPad({ value, onChange, onSubmit, busy = false, maxLength = 8, submitLabel, inputRef }: PinPadProps) {
  const { t } = useTranslation();
  const own = useRef<HTMLInputElement>(null);
  const input = inputRef ?? own;
  // Both refs keep their identity, so this runs as the pad mounts.
  useEffect(() => input.current?.focus(), [input]);

  return (
    <div className="pin-pad">
      <input
        ref={input}
        className="pin-pad__field"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        aria-label={t('login.pin')}
        // The field is all a newcomer sees under their name: it says what goes in it.
        placeholder={t('login.pinPlaceholder')}
        data-testid="pin"
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, maxLength))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'Escape') onChange('');
        }}
      />
      <Keypad digitsOnly label={t('login.pinPad')} onKey={(key) => onChange(applyKey(value, key).slice(0, maxLength))} />
      <button type="button" className="button button--primary button--large" disabled={busy || value.length < 4} onClick={onSubmit}>
        {submitLabel ?? t('login.submit')}
      </button>
    </div>
  );
}
