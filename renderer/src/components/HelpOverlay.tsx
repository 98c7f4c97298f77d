import { useTranslation } from 'react-i18next';
import { saleShortcuts } from '../keyboard/shortcuts';
import { Dialog } from './Dialog';

const OTHER_SCREENS = ['help.search', 'help.login', 'help.payment', 'help.done', 'help.refund', 'help.scanner'] as const;

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose} testId="help" wide>
      <table className="shortcut-table">
        <tbody>
          {saleShortcuts.map((s) => (
            <tr key={s.command}>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k}>{t(`key.${k}`, { defaultValue: k })}</kbd>
                ))}
              </td>
              <td>{t(`shortcut.${s.command}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="help-notes">
        {OTHER_SCREENS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('action.close')}
        </button>
      </div>
    </Dialog>
  );
}
