import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterConfigView } from '../../../../preload/contract';
import { transportConfigSchema } from '../../../../preload/contract/printer-schemas';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useRegisterPlatform } from '../../state/store-context';
import { useCall, useCallGroup } from '../../state/use-call';
import { serialHintKey, serialPlaceholder } from '../hardware/serial-port';

type Kind = 'tcp' | 'serial' | 'device' | 'file';
type Paper = PrinterConfigView['profile']['paper'];

/** What the owner types; numbers stay strings until saved. */
interface Form {
  enabled: boolean;
  kind: Kind;
  host: string;
  port: string;
  path: string;
  baud: string;
  paper: Paper;
  encoding: PrinterConfigView['profile']['encoding'];
  kanjiMode: boolean;
  cut: boolean;
  /** '' = the printer's own density; otherwise steps from its standard, '-6'..'6'. */
  density: string;
  timeZone: string;
  terminalReceiptLines: PrinterConfigView['terminalReceiptLines'];
}

const terminalLinePlacements = ['none', 'merchant', 'both'] as const;

/** The steps `GS ( K` function 49 takes (the profile's range). */
const densitySteps = [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6] as const;

const encodings = ['gb18030', 'cp936', 'big5', 'cp437', 'cp858', 'cp1252', 'cp866', 'shiftjis', 'cp949'] as const;

function toForm(c: PrinterConfigView): Form {
  const tr = c.transport;
  return {
    enabled: c.enabled,
    kind: tr?.kind ?? 'tcp',
    host: tr?.kind === 'tcp' ? tr.host : '',
    port: tr?.kind === 'tcp' ? String(tr.port) : '9100',
    path: tr && tr.kind !== 'tcp' ? tr.path : '',
    baud: tr?.kind === 'serial' ? String(tr.baudRate) : '9600',
    paper: c.profile.paper,
    encoding: c.profile.encoding,
    kanjiMode: c.profile.kanjiMode,
    cut: c.profile.cut,
    density: c.profile.density === undefined ? '' : String(c.profile.density),
    timeZone: c.timeZone ?? '',
    terminalReceiptLines: c.terminalReceiptLines,
  };
}

/** A typed number as sent: empty is the default, anything else as typed (letters are refused by main, not replaced). */
function typedNumber(text: string, empty: number): number {
  return text.trim() === '' ? empty : Number(text.trim());
}

function transportOf(f: Form): PrinterConfigView['transport'] | null {
  if (f.kind === 'tcp') return f.host.trim() ? ({ kind: 'tcp', host: f.host.trim(), port: typedNumber(f.port, 9100) } as PrinterConfigView['transport']) : null;
  if (!f.path.trim()) return null;
  if (f.kind === 'serial') return { kind: 'serial', path: f.path.trim(), baudRate: typedNumber(f.baud, 9600) } as PrinterConfigView['transport'];
  return { kind: f.kind, path: f.path.trim() } as PrinterConfigView['transport'];
}

/** The owner's printer settings, with a test page that prints or says why it could not. */
export function PrinterSection() {
  const { t } = useTranslation();
  const platform = useRegisterPlatform();
  const [saved, setSaved] = useState<PrinterConfigView | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { run: loadConfig, error: loadError } = useCall('printer.getConfig');
  // Saving and the test page share the buttons: one busy flag, one line for what went wrong.
  const printer = useCallGroup<'printer.setConfig' | 'printer.testPage'>();

  useEffect(() => {
    void loadConfig({}).then((result) => {
      if (!result.ok) return;
      setSaved(result.value);
      setForm(toForm(result.value));
    });
  }, [loadConfig]);

  if (!form || !saved) return <ErrorNote error={loadError} />;
  // USB printer device files (/dev/usb/lp0) exist on Linux only; a device setting carried over from
  // a Linux register stays visible so the owner sees what to change.
  const kinds: Kind[] = platform === 'linux' || saved.transport?.kind === 'device' ? ['tcp', 'serial', 'device', 'file'] : ['tcp', 'serial', 'file'];
  const pathPlaceholder = form.kind === 'serial' ? serialPlaceholder(platform) : form.kind === 'device' ? '/dev/usb/lp0' : undefined;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setNotice(null);
    setForm({ ...form, [key]: value });
  };
  const config = (): PrinterConfigView => {
    const typed = transportOf(form);
    // Switching the printer off must work whatever is half-typed in its address: the address is
    // not used while it is off, and the last good one is kept for when it is switched on again.
    const transport = !form.enabled && typed !== null && !transportConfigSchema.safeParse(typed).success ? saved.transport : typed;
    // The printer's own density is the profile without one.
    const { density: _savedDensity, ...savedProfile } = saved.profile;
    // Input types (defaults filled in by main); the view type is the parsed shape.
    return {
      enabled: form.enabled && transport !== null,
      transport,
      profile: {
        ...savedProfile,
        paper: form.paper,
        encoding: form.encoding,
        kanjiMode: form.kanjiMode,
        cut: form.cut,
        ...(form.density === '' ? {} : { density: Number(form.density) }),
      },
      // Empty: receipts follow the store's time zone (Settings).
      ...(form.timeZone.trim() ? { timeZone: form.timeZone.trim() } : {}),
      terminalReceiptLines: form.terminalReceiptLines,
    };
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Switched on without an address would be saved as off: say what is missing instead.
    if (form.enabled && transportOf(form) === null) {
      return printer.refuse({
        code: 'request.invalid_input',
        params: { field: form.kind === 'tcp' ? 'host' : 'path', issue: 'too_small', origin: 'string', limit: 1 },
      });
    }
    const result = await printer.run('printer.setConfig', config());
    if (!result.ok) return;
    setSaved(result.value);
    setForm(toForm(result.value));
    setNotice(t('printing.settings.saved'));
  };

  const testPage = async () => {
    setNotice(null);
    const c = config();
    if (!c.transport) return printer.refuse({ code: 'printer.disabled', params: {} });
    const result = await printer.run('printer.testPage', { transport: c.transport, profile: c.profile });
    if (!result.ok) return;
    setNotice(t('printing.settings.testOk', { bytes: result.value.bytes }));
  };

  return (
    <form className="back-office__form" onSubmit={(e) => void save(e)} data-testid="printer-form">
      <label className="check">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} data-testid="printer-enabled" />
        <span>{t('printing.settings.enabled')}</span>
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('printing.settings.transport')}</span>
          <select value={form.kind} onChange={(e) => set('kind', e.target.value as Kind)} data-testid="printer-kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`printing.settings.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {form.kind === 'serial' && (
          <label className="field">
            <span>{t('printing.settings.baud')}</span>
            <input value={form.baud} onChange={(e) => set('baud', e.target.value)} inputMode="numeric" autoComplete="off" />
          </label>
        )}
      </div>
      {form.kind === 'tcp' ? (
        <div className="field-row">
          <label className="field">
            <span>{t('printing.settings.host')}</span>
            <input value={form.host} onChange={(e) => set('host', e.target.value)} autoComplete="off" data-testid="printer-host" />
          </label>
          <label className="field">
            <span>{t('printing.settings.port')}</span>
            <input value={form.port} onChange={(e) => set('port', e.target.value)} inputMode="numeric" autoComplete="off" data-testid="printer-port" />
          </label>
        </div>
      ) : (
        <label className="field">
          <span>{t('printing.settings.path')}</span>
          <input value={form.path} onChange={(e) => set('path', e.target.value)} placeholder={pathPlaceholder} autoComplete="off" data-testid="printer-path" />
        </label>
      )}
      {form.kind === 'serial' && (
        <p className="muted small" data-testid="printer-path-hint">
          {t(serialHintKey(platform))}
        </p>
      )}
      {form.kind === 'device' && (
        <p className="muted small" data-testid="printer-path-hint">
          {t('printing.settings.deviceHint')}
        </p>
      )}
      <div className="field-row">
        <label className="field">
          <span>{t('printing.settings.paper')}</span>
          <select value={form.paper} onChange={(e) => set('paper', e.target.value as Paper)}>
            <option value="58mm">58 mm</option>
            <option value="80mm">80 mm</option>
          </select>
        </label>
        <label className="field">
          <span>{t('printing.settings.encoding')}</span>
          <select value={form.encoding} onChange={(e) => set('encoding', e.target.value as Form['encoding'])}>
            {encodings.map((enc) => (
              <option key={enc} value={enc}>
                {enc}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={form.kanjiMode} onChange={(e) => set('kanjiMode', e.target.checked)} />
        <span>{t('printing.settings.kanji')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={form.cut} onChange={(e) => set('cut', e.target.checked)} />
        <span>{t('printing.settings.cut')}</span>
      </label>
      <label className="field">
        <span>{t('printing.settings.density')}</span>
        <select value={form.density} onChange={(e) => set('density', e.target.value)} aria-describedby="printer-density-hint" data-testid="printer-density">
          <option value="">{t('printing.settings.density.printer')}</option>
          {densitySteps.map((step) => (
            <option key={step} value={String(step)}>
              {t(step < 0 ? 'printing.settings.density.lighter' : step > 0 ? 'printing.settings.density.darker' : 'printing.settings.density.standard', {
                steps: Math.abs(step),
              })}
            </option>
          ))}
        </select>
        <span id="printer-density-hint" className="muted small field__hint">
          {t('printing.settings.density.hint')}
        </span>
      </label>
      <label className="field">
        <span>{t('printing.settings.terminalLines')}</span>
        <select
          value={form.terminalReceiptLines}
          onChange={(e) => set('terminalReceiptLines', e.target.value as Form['terminalReceiptLines'])}
          data-testid="printer-terminal-lines"
        >
          {terminalLinePlacements.map((p) => (
            <option key={p} value={p}>
              {t(`printing.settings.terminalLines.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('printing.settings.timeZone')}</span>
        <input
          value={form.timeZone}
          onChange={(e) => set('timeZone', e.target.value)}
          placeholder={t('printing.settings.timeZoneStore')}
          aria-describedby="printer-time-zone-hint"
          autoComplete="off"
        />
        <span id="printer-time-zone-hint" className="muted small field__hint">
          {t('printing.settings.timeZoneHint')}
        </span>
      </label>
      <ErrorNote error={printer.error} />
      <Notice message={notice} />
      <div className="printing-actions">
        <button type="submit" className="button button--primary" disabled={printer.busy} data-testid="printer-save">
          {t('printing.settings.save')}
        </button>
        <button type="button" className="button" disabled={printer.busy} onClick={() => void testPage()} data-testid="printer-test">
          {t('printing.settings.test')}
        </button>
      </div>
    </form>
  );
}
