import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { currencyDigits } from '../../format/money';
import { cashRoundingStepWords } from '../../format/cash-rounding-steps';
import { parseDecimal } from '../../format/parse-amount';
import { isUiLocale } from '../../i18n';
import { useCall } from '../../state/use-call';
import { ReceiptLanguageField } from '../setup/ReceiptLanguageField';
import { isCashRoundingStep } from '../../../../preload/contract/cash-rounding';
import { CashRoundingField } from './CashRoundingField';
import { DisplayFields } from './DisplayFields';
import { LogoField } from './LogoField';
import { knownCurrency, toForm, type SettingsForm } from './settings-form';

/** The owner's store settings. Main journals every change and tells every window (session.changed). */
export function SettingsSection() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  /** The field the last refusal is about: marked, and brought into view, on a form taller than the screen. */
  const [invalid, setInvalid] = useState<keyof SettingsForm | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { run: loadSettings, error: loadError } = useCall('settings.get');
  const saving = useCall('settings.update');

  useEffect(() => {
    void loadSettings({}).then((result) => result.ok && setForm(toForm(result.value)));
  }, [loadSettings]);

  useEffect(() => {
    if (invalid === null) return;
    const field = formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  }, [invalid, problem]);

  if (!form) return <ErrorNote error={loadError} />;

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setSaved(false);
    if (key === invalid) setInvalid(null);
    setForm({ ...form, [key]: value });
  };
  /** Refuses the form for one field: the message names it when the message alone would not. */
  const refuse = (field: keyof SettingsForm, message: string, label?: string) => {
    setInvalid(field);
    setProblem(label ? t('backOffice.settings.fieldProblem', { field: label, problem: message }) : message);
  };
  const invalidProps = (field: keyof SettingsForm) => (invalid === field ? { 'aria-invalid': true } : {});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    saving.reset();
    setSaved(false);
    setInvalid(null);
    const { businessDayStartsAt } = form;
    if (businessDayStartsAt === null) return setInvalid('businessDayStartsAt');
    const currency = form.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency) || !knownCurrency(currency)) return refuse('currency', t('backOffice.settings.badCurrency'));
    if (!isCashRoundingStep(form.cashRoundingStepMinor))
      return refuse('cashRoundingStepMinor', t('cashRounding.pick', cashRoundingStepWords(currency, i18n.language)));
    const cashierDiscountLimitBp = parseDecimal(form.cashierDiscountLimitPercent === '' ? '0' : form.cashierDiscountLimitPercent, 2);
    if (cashierDiscountLimitBp === null || cashierDiscountLimitBp > 10_000)
      return refuse('cashierDiscountLimitPercent', t('dialog.invalidPercent'), t('backOffice.settings.cashierDiscountLimit'));
    const supervisorDiscountLimitBp = parseDecimal(form.supervisorDiscountLimitPercent === '' ? '0' : form.supervisorDiscountLimitPercent, 2);
    if (supervisorDiscountLimitBp === null || supervisorDiscountLimitBp > 10_000)
      return refuse('supervisorDiscountLimitPercent', t('dialog.invalidPercent'), t('settingsMore.supervisorDiscountLimit'));
    // Required: 0 is a limit too (no returns without a receipt), so an empty field is not read as 0.
    const noReceiptRefundDayLimitMinor = parseDecimal(form.noReceiptDayLimit, currencyDigits(currency));
    if (noReceiptRefundDayLimitMinor === null) return refuse('noReceiptDayLimit', t('settingsMore.noReceipt.badDayLimit'));
    const noReceiptRefundOperatorLimitMinor = parseDecimal(form.noReceiptOperatorLimit, currencyDigits(currency));
    if (noReceiptRefundOperatorLimitMinor === null) return refuse('noReceiptOperatorLimit', t('settingsMore.noReceipt.badOperatorLimit'));
    if (form.storeName.trim() === '') return refuse('storeName', t('backOffice.settings.nameRequired'));
    setProblem(null);
    const {
      cashierDiscountLimitPercent: _limit,
      supervisorDiscountLimitPercent: _sLimit,
      noReceiptDayLimit: _dayLimit,
      noReceiptOperatorLimit: _operatorLimit,
      ...rest
    } = form;
    const result = await saving.run({
      ...rest,
      businessDayStartsAt,
      currency,
      cashierDiscountLimitBp,
      supervisorDiscountLimitBp,
      noReceiptRefundDayLimitMinor,
      noReceiptRefundOperatorLimitMinor,
    });
    if (!result.ok) return;
    setForm(toForm(result.value));
    setSaved(true);
  };

  return (
    <form
      ref={formRef}
      className="back-office__form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('backOffice.section.settings')}
      data-testid="settings-form"
    >
      <div className="field-row">
        <label className="field">
          <span>{t('backOffice.settings.storeName')}</span>
          <input value={form.storeName} onChange={(e) => set('storeName', e.target.value)} maxLength={80} autoComplete="off" {...invalidProps('storeName')} />
        </label>
        <label className="field">
          <span>{t('backOffice.settings.storeTaxId')}</span>
          <input value={form.storeTaxId} onChange={(e) => set('storeTaxId', e.target.value)} maxLength={40} autoComplete="off" />
        </label>
      </div>
      <label className="field">
        <span>{t('backOffice.settings.storeAddress')}</span>
        <input value={form.storeAddress} onChange={(e) => set('storeAddress', e.target.value)} maxLength={200} autoComplete="off" />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('backOffice.settings.storeLocale')}</span>
          <select value={form.storeLocale} onChange={(e) => isUiLocale(e.target.value) && set('storeLocale', e.target.value)}>
            <option value="zh-CN">{t('language.zh-CN')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('backOffice.settings.currency')}</span>
          <input
            value={form.currency}
            onChange={(e) => set('currency', e.target.value.toUpperCase())}
            maxLength={3}
            autoComplete="off"
            {...invalidProps('currency')}
          />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={form.pricesIncludeTax} onChange={(e) => set('pricesIncludeTax', e.target.checked)} />
        <span>{t('backOffice.settings.pricesIncludeTax')}</span>
      </label>
      <div className="field-row">
        <CashRoundingField
          valueMinor={form.cashRoundingStepMinor}
          currency={form.currency}
          onChange={(step) => set('cashRoundingStepMinor', step)}
          invalid={invalid === 'cashRoundingStepMinor'}
        />
        <label className="field">
          <span>{t('backOffice.settings.cashierDiscountLimit')}</span>
          <span className="field__with-suffix">
            <input
              value={form.cashierDiscountLimitPercent}
              onChange={(e) => set('cashierDiscountLimitPercent', e.target.value)}
              inputMode="decimal"
              autoComplete="off"
              data-testid="settings-cashier-limit"
              {...invalidProps('cashierDiscountLimitPercent')}
            />
            <span className="field__suffix">%</span>
          </span>
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>{t('settingsMore.supervisorDiscountLimit')}</span>
          <span className="field__with-suffix">
            <input
              value={form.supervisorDiscountLimitPercent}
              onChange={(e) => set('supervisorDiscountLimitPercent', e.target.value)}
              inputMode="decimal"
              autoComplete="off"
              data-testid="settings-supervisor-limit"
              {...invalidProps('supervisorDiscountLimitPercent')}
            />
            <span className="field__suffix">%</span>
          </span>
        </label>
        <label className="check check--in-row">
          <input
            type="checkbox"
            checked={form.badgeOnlyForCashiers}
            onChange={(e) => set('badgeOnlyForCashiers', e.target.checked)}
            data-testid="settings-badge-only"
          />
          <span>{t('settingsMore.badgeOnly')}</span>
        </label>
      </div>
      <p className="muted small">{t('backOffice.settings.roundingHint')}</p>
      <fieldset className="back-office__fieldset">
        <legend>{t('settingsMore.noReceipt')}</legend>
        <div className="field-row">
          <label className="field">
            <span>{t('settingsMore.noReceipt.dayLimit')}</span>
            <input
              value={form.noReceiptDayLimit}
              onChange={(e) => set('noReceiptDayLimit', e.target.value)}
              inputMode="decimal"
              autoComplete="off"
              aria-describedby="settings-no-receipt-hint"
              data-testid="settings-no-receipt-day-limit"
              {...invalidProps('noReceiptDayLimit')}
            />
          </label>
          <label className="field">
            <span>{t('settingsMore.noReceipt.operatorLimit')}</span>
            <input
              value={form.noReceiptOperatorLimit}
              onChange={(e) => set('noReceiptOperatorLimit', e.target.value)}
              inputMode="decimal"
              autoComplete="off"
              aria-describedby="settings-no-receipt-hint"
              data-testid="settings-no-receipt-operator-limit"
              {...invalidProps('noReceiptOperatorLimit')}
            />
          </label>
        </div>
        <p id="settings-no-receipt-hint" className="muted small">
          {t('settingsMore.noReceipt.hint', { currency: form.currency })}
        </p>
      </fieldset>
      <div className="field-row">
        <label className="field">
          <span>{t('backOffice.settings.registerId')}</span>
          <input value={form.registerId} onChange={(e) => set('registerId', e.target.value)} maxLength={16} autoComplete="off" />
        </label>
        <label className="check check--in-row">
          <input type="checkbox" checked={form.drawerOnCash} onChange={(e) => set('drawerOnCash', e.target.checked)} />
          <span>{t('backOffice.settings.drawerOnCash')}</span>
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>{t('backOffice.settings.timeZone')}</span>
          <input value={form.timeZone} onChange={(e) => set('timeZone', e.target.value.trim())} autoComplete="off" data-testid="settings-time-zone" />
        </label>
        <DateField
          label={t('backOffice.settings.businessDayStartsAt')}
          kind="time"
          required
          value={form.businessDayStartsAt}
          onChange={(v) => set('businessDayStartsAt', v)}
          testId="settings-day-starts"
        />
      </div>
      <p className="muted small">{t('backOffice.settings.businessDayHint')}</p>
      <div className="field-row">
        <label className="field">
          <span>{t('settingsMore.storePhone')}</span>
          <input value={form.storePhone} onChange={(e) => set('storePhone', e.target.value)} maxLength={40} autoComplete="off" data-testid="settings-phone" />
        </label>
      </div>
      <label className="field">
        <span>{t('settingsMore.receiptHeader')}</span>
        <textarea value={form.receiptHeader} onChange={(e) => set('receiptHeader', e.target.value)} maxLength={200} rows={2} data-testid="settings-header" />
      </label>
      <LogoField value={form.receiptLogoPng} onChange={(png) => set('receiptLogoPng', png)} />
      <DisplayFields form={form} set={set} />
      <label className="field">
        <span>{t('settingsMore.updateFeed')}</span>
        <input
          value={form.updateFeedUrl}
          onChange={(e) => set('updateFeedUrl', e.target.value.trim())}
          placeholder="https://updates.example.com/ringup"
          data-testid="settings-feed"
        />
      </label>
      <ReceiptLanguageField value={form.receiptLocale} storeLocale={form.storeLocale} onChange={(locale) => set('receiptLocale', locale)} />
      <label className="field">
        <span>{t('backOffice.settings.receiptFooter')}</span>
        <textarea value={form.receiptFooter} onChange={(e) => set('receiptFooter', e.target.value)} maxLength={200} rows={2} />
      </label>
      {/* Kept on screen at the foot of a form taller than the window: 保存 and what it answered. */}
      <div className="back-office__form-footer" data-testid="settings-footer">
        <ErrorNote error={saving.error} message={problem} />
        <Notice message={saved ? t('backOffice.settings.saved') : null} />
        <button type="submit" className="button button--primary" disabled={saving.busy} data-testid="settings-save">
          {t('action.save')}
        </button>
      </div>
    </form>
  );
}
