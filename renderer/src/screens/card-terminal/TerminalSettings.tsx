import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalConfigView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useRegisterPlatform } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { useHardwareStatus } from '../../state/use-hardware-status';
import { serialHintKey, serialPlaceholder } from '../hardware/serial-port';

type Kind = TerminalConfigView['kind'];
type Parity = 'none' | 'even' | 'odd';

/** What the owner types; numbers stay strings until saved. */
interface Form {
  kind: Kind;
  path: string;
  baud: string;
  parity: Parity;
  stopBits: '1' | '2';
  host: string;
  port: string;
}

const BAUD_RATES = ['9600', '19200', '38400', '57600', '115200'] as const;
/** ZVT over TCP listens on 20007 unless the terminal was set up otherwise. */
const ZVT_TCP_PORT = '20007';

function toForm(c: TerminalConfigView): Form {
  return {
    kind: c.kind,
    path: c.kind === 'serial' ? c.path : '',
    baud: c.kind === 'serial' && c.baudRate ? String(c.baudRate) : '9600',
    parity: c.kind === 'serial' && c.parity ? c.parity : 'none',
    stopBits: c.kind === 'serial' && c.stopBits === 1 ? '1' : '2',
    host: c.kind === 'tcp' ? c.host : '',
    port: c.kind === 'tcp' ? String(c.port) : ZVT_TCP_PORT,
  };
}

function configOf(f: Form): TerminalConfigView | null {
  if (f.kind === 'none') return { kind: 'none' };
  if (f.kind === 'serial') {
    if (!f.path.trim()) return null;
    return { kind: 'serial', path: f.path.trim(), baudRate: Number(f.baud), parity: f.parity, stopBits: f.stopBits === '1' ? 1 : 2 };
  }
  const port = Number(f.port);
  if (!f.host.trim() || !Number.isInteger(port) || port < 1 || port > 65_535) return null;
  return { kind: 'tcp', host: f.host.trim(), port };
}

/** The owner's choice of terminal: none, a serial line (ZVT default 9600 8N2) or TCP. */
export function TerminalSettings() {
  const { t } = useTranslation();
  const platform = useRegisterPlatform();
  const demo = useHardwareStatus()?.terminal.demo === true;
  const [form, setForm] = useState<Form | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { run: loadConfig, error: loadError } = useCall('terminal.getConfig');
  const saving = useCall('terminal.setConfig');

  useEffect(() => {
    void loadConfig({}).then((result) => result.ok && setForm(toForm(result.value)));
  }, [loadConfig]);

  if (!form) return <ErrorNote error={loadError} />;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setNotice(null);
    setForm({ ...form, [key]: value });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const config = configOf(form);
    if (!config) return saving.refuse({ code: 'request.invalid_input', params: { field: form.kind === 'serial' ? 'path' : 'host', issue: 'invalid' } });
    const result = await saving.run({ config });
    if (!result.ok) return;
    setForm(toForm(result.value));
    setNotice(t('cardTerminal.settings.saved'));
  };

  return (
    <form className="back-office__form" onSubmit={(e) => void save(e)} data-testid="terminal-settings" aria-label={t('cardTerminal.settings.title')}>
      <label className="field">
        <span>{t('cardTerminal.settings.kind')}</span>
        <select value={form.kind} onChange={(e) => set('kind', e.target.value as Kind)} data-testid="terminal-kind">
          {(['none', 'serial', 'tcp'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`cardTerminal.settings.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {form.kind === 'none' && demo && (
        <p className="muted small" data-testid="terminal-demo-note">
          {t('cardTerminal.settings.demoNote')}
        </p>
      )}
      {form.kind === 'serial' && (
        <>
          <label className="field">
            <span>{t('cardTerminal.settings.path')}</span>
            <input
              value={form.path}
              onChange={(e) => set('path', e.target.value)}
              placeholder={serialPlaceholder(platform)}
              autoComplete="off"
              data-testid="terminal-path"
            />
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('cardTerminal.settings.baud')}</span>
              <select value={form.baud} onChange={(e) => set('baud', e.target.value)} data-testid="terminal-baud">
                {BAUD_RATES.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('cardTerminal.settings.parity')}</span>
              <select value={form.parity} onChange={(e) => set('parity', e.target.value as Parity)} data-testid="terminal-parity">
                {(['none', 'even', 'odd'] as const).map((p) => (
                  <option key={p} value={p}>
                    {t(`cardTerminal.settings.parity.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('cardTerminal.settings.stopBits')}</span>
              <select value={form.stopBits} onChange={(e) => set('stopBits', e.target.value as Form['stopBits'])} data-testid="terminal-stop-bits">
                <option value="1">1</option>
                <option value="2">2</option>
              </select>
            </label>
          </div>
          <p className="muted small">{t('cardTerminal.settings.serialHint')}</p>
          <p className="muted small" data-testid="terminal-path-hint">
            {t(serialHintKey(platform))}
          </p>
        </>
      )}
      {form.kind === 'tcp' && (
        <div className="field-row">
          <label className="field">
            <span>{t('cardTerminal.settings.host')}</span>
            <input value={form.host} onChange={(e) => set('host', e.target.value)} placeholder="192.168.1.50" autoComplete="off" data-testid="terminal-host" />
          </label>
          <label className="field">
            <span>{t('cardTerminal.settings.port')}</span>
            <input value={form.port} onChange={(e) => set('port', e.target.value)} inputMode="numeric" autoComplete="off" data-testid="terminal-port" />
          </label>
        </div>
      )}
      <ErrorNote error={saving.error} />
      <Notice message={notice} />
      <div className="terminal-actions">
        <button type="submit" className="button button--primary" disabled={saving.busy} data-testid="terminal-save">
          {t('cardTerminal.settings.save')}
        </button>
      </div>
    </form>
  );
}
