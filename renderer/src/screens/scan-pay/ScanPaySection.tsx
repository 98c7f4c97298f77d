import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlipaySettingsView, CallInput, ScanPayConfigView, WechatSettingsView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useCall } from '../../state/use-call';
import { ProviderFormFooter } from './ProviderFormFooter';
import '../../styles/scan-pay.css';

type Settings = Extract<CallInput<'scanpay.setConfig'>, { settings: unknown }>['settings'];

const WECHAT_GATEWAY = 'https://api.mch.weixin.qq.com';
const ALIPAY_GATEWAYS = {
  production: 'https://openapi.alipay.com/gateway.do',
  sandbox: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do',
} as const;

// The register checks every field again (preload/contract/scan-pay.ts); checked here first so the
// refusal can name the field as the form labels it (a refused union only says "input").
const WECHAT_FIELDS = {
  appId: /^wx[0-9a-f]{16}$/,
  mchId: /^\d{8,12}$/,
  apiKey: /^([A-Za-z0-9]{32})?$/,
} as const;
const ALIPAY_APP_ID = /^\d{16}$/;
const GATEWAY = /^(https:\/\/[A-Za-z0-9.-]+(:\d+)?|http:\/\/127\.0\.0\.1:\d{1,5})(\/[A-Za-z0-9._/-]*)?$/;

/**
 * 扫码支付 settings (owner): WeChat Pay and Alipay credentials. The register answers with what is
 * not secret and whether each secret is stored, never the secret itself; a secret field left
 * empty keeps the stored one, so the form never needs to show one.
 */
export function ScanPaySection() {
  const { t } = useTranslation();
  const [config, setConfig] = useState<ScanPayConfigView | null>(null);
  const { run: loadConfig, error: loadError } = useCall('scanpay.getConfig');

  useEffect(() => {
    void loadConfig({}).then((result) => result.ok && setConfig(result.value));
  }, [loadConfig]);

  if (!config) return <ErrorNote error={loadError} />;
  return (
    <div className="scan-settings" data-testid="scan-pay-settings">
      {/* What the owner needs to know in one sentence; how and where, for whoever looks after the computer, under 详情. */}
      <details className="scan-settings__store" data-testid="scan-secret-store">
        <summary>
          <span className="muted small">{t('scanpay.settings.secretStore.plain')}</span>{' '}
          <span className="small">{t('scanpay.settings.secretStore.details')}</span>
        </summary>
        <p className="muted small">
          {t(`scanpay.settings.secretStore.${config.secretStore.kind}`)}
          {config.secretStore.keychainMissing && <span className="scan-settings__note"> {t('scanpay.settings.secretStore.noKeychain')}</span>}
          {config.secretStore.keyFile && (
            <span className="scan-settings__note" data-testid="scan-key-file">
              {' '}
              {t('scanpay.settings.secretStore.keyFile', { path: config.secretStore.keyFile })}
            </span>
          )}
        </p>
      </details>
      {config.simulator && (
        <p className="muted" data-testid="scan-simulator">
          {t('scanpay.settings.simulator')}
        </p>
      )}
      <WechatForm view={config.wechat} onSaved={setConfig} />
      <AlipayForm view={config.alipay} onSaved={setConfig} />
    </div>
  );
}

/** Saving and removing one provider's settings: the same notice, the same error line. */
function useProviderSave(onSaved: (config: ScanPayConfigView) => void) {
  const { t } = useTranslation();
  const saving = useCall('scanpay.setConfig');
  const [notice, setNotice] = useState<string | null>(null);
  const save = async (input: CallInput<'scanpay.setConfig'>, done: string): Promise<boolean> => {
    setNotice(null);
    const result = await saving.run(input);
    if (!result.ok) return false;
    onSaved(result.value);
    setNotice(t(done));
    return true;
  };
  return { save, notice, setNotice, saving };
}

function SecretState({ stored }: { stored: boolean }) {
  const { t } = useTranslation();
  return <span className="muted small">{stored ? t('scanpay.settings.secretStored') : t('scanpay.settings.secretMissing')}</span>;
}

function WechatForm({ view, onSaved }: { view: WechatSettingsView | null; onSaved(config: ScanPayConfigView): void }) {
  const { t } = useTranslation();
  const [appId, setAppId] = useState(view?.appId ?? '');
  const [mchId, setMchId] = useState(view?.mchId ?? '');
  const [signType, setSignType] = useState<WechatSettingsView['signType']>(view?.signType ?? 'HMAC-SHA256');
  const [gateway, setGateway] = useState(view?.gateway ?? WECHAT_GATEWAY);
  const [apiKey, setApiKey] = useState('');
  const [certificate, setCertificate] = useState<{ name: string; base64: string } | null>(null);
  const { save, notice, setNotice, saving } = useProviderSave(onSaved);

  const pickCertificate = (file: File | undefined) => {
    setNotice(null);
    if (!file) return setCertificate(null);
    void file.arrayBuffer().then((bytes) => {
      let binary = '';
      for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
      setCertificate({ name: file.name, base64: btoa(binary) });
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bad =
      (!WECHAT_FIELDS.appId.test(appId.trim()) && 'scanpay.settings.wechatAppId') ||
      (!WECHAT_FIELDS.mchId.test(mchId.trim()) && 'scanpay.settings.mchId') ||
      (!GATEWAY.test(gateway.trim()) && 'scanpay.settings.gateway') ||
      (!WECHAT_FIELDS.apiKey.test(apiKey.trim()) && 'scanpay.settings.apiKey');
    if (bad) return saving.refuse({ code: 'request.invalid_input', params: { field: t(bad), issue: 'invalid' } });
    const settings: Settings = {
      provider: 'wechat',
      appId: appId.trim(),
      mchId: mchId.trim(),
      signType,
      gateway: gateway.trim(),
      ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      ...(certificate ? { certificateP12: certificate.base64 } : {}),
    };
    if (await save({ settings }, 'scanpay.settings.saved')) {
      // Sent once, never kept in the window.
      setApiKey('');
      setCertificate(null);
    }
  };

  return (
    <section aria-labelledby="scan-wechat-title">
      <h3 id="scan-wechat-title">{t('scanpay.provider.wechat')}</h3>
      <form className="back-office__form" onSubmit={(e) => void submit(e)} data-testid="scan-wechat-form">
        <label className="field">
          <span>{t('scanpay.settings.wechatAppId')}</span>
          <input
            value={appId}
            onChange={(e) => setAppId(e.target.value)}
            autoComplete="off"
            placeholder="wx0123456789abcdef"
            data-testid="scan-wechat-app-id"
          />
        </label>
        <label className="field">
          <span>{t('scanpay.settings.mchId')}</span>
          <input value={mchId} onChange={(e) => setMchId(e.target.value)} autoComplete="off" inputMode="numeric" data-testid="scan-wechat-mch-id" />
        </label>
        <label className="field">
          <span>{t('scanpay.settings.signType')}</span>
          <select value={signType} onChange={(e) => setSignType(e.target.value as WechatSettingsView['signType'])} data-testid="scan-wechat-sign-type">
            <option value="HMAC-SHA256">HMAC-SHA256</option>
            <option value="MD5">MD5</option>
          </select>
        </label>
        <label className="field">
          <span>{t('scanpay.settings.gateway')}</span>
          <input value={gateway} onChange={(e) => setGateway(e.target.value)} autoComplete="off" data-testid="scan-wechat-gateway" />
        </label>
        <label className="field">
          <span>
            {t('scanpay.settings.apiKey')} <SecretState stored={view?.hasApiKey ?? false} />
          </span>
          <input
            type="password"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            autoComplete="new-password"
            placeholder={view?.hasApiKey ? t('scanpay.settings.keepSecret') : ''}
            data-testid="scan-wechat-api-key"
          />
        </label>
        {/* The browser's own file input says "Choose File / No file chosen" in its language, not the screen's. */}
        <div className="field">
          <span>
            {t('scanpay.settings.certificate')} <SecretState stored={view?.hasCertificate ?? false} />
          </span>
          <div className="back-office__row">
            <label className="button file-button">
              {t('scanpay.settings.certificateChoose')}
              <input
                type="file"
                accept=".p12,application/x-pkcs12"
                className="visually-hidden"
                onChange={(e) => pickCertificate(e.target.files?.[0])}
                data-testid="scan-wechat-certificate"
              />
            </label>
            <span className="muted small">{certificate?.name ?? t('scanpay.settings.certificateNone')}</span>
          </div>
        </div>
        <p className="muted small">{t('scanpay.settings.certificateHint')}</p>
        <ProviderFormFooter
          provider="wechat"
          busy={saving.busy}
          onRemove={view ? () => void save({ remove: 'wechat' }, 'scanpay.settings.removed') : null}
          error={saving.error}
          notice={notice}
        />
      </form>
    </section>
  );
}

function AlipayForm({ view, onSaved }: { view: AlipaySettingsView | null; onSaved(config: ScanPayConfigView): void }) {
  const { t } = useTranslation();
  const [appId, setAppId] = useState(view?.appId ?? '');
  const [gateway, setGateway] = useState(view?.gateway ?? ALIPAY_GATEWAYS.production);
  const [privateKey, setPrivateKey] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const { save, notice, saving } = useProviderSave(onSaved);
  const preset = gateway === ALIPAY_GATEWAYS.production ? 'production' : gateway === ALIPAY_GATEWAYS.sandbox ? 'sandbox' : 'other';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bad = (!ALIPAY_APP_ID.test(appId.trim()) && 'scanpay.settings.alipayAppId') || (!GATEWAY.test(gateway.trim()) && 'scanpay.settings.gateway');
    if (bad) return saving.refuse({ code: 'request.invalid_input', params: { field: t(bad), issue: 'invalid' } });
    const settings: Settings = {
      provider: 'alipay',
      appId: appId.trim(),
      gateway: gateway.trim(),
      ...(privateKey.trim() ? { privateKey: privateKey.trim() } : {}),
      ...(publicKey.trim() ? { alipayPublicKey: publicKey.trim() } : {}),
    };
    if (await save({ settings }, 'scanpay.settings.saved')) {
      setPrivateKey('');
      setPublicKey('');
    }
  };

  return (
    <section aria-labelledby="scan-alipay-title">
      <h3 id="scan-alipay-title">{t('scanpay.provider.alipay')}</h3>
      <form className="back-office__form" onSubmit={(e) => void submit(e)} data-testid="scan-alipay-form">
        <label className="field">
          <span>{t('scanpay.settings.alipayAppId')}</span>
          <input value={appId} onChange={(e) => setAppId(e.target.value)} autoComplete="off" inputMode="numeric" data-testid="scan-alipay-app-id" />
        </label>
        <label className="field">
          <span>{t('scanpay.settings.environment')}</span>
          <select
            value={preset}
            onChange={(e) => {
              const next = e.target.value;
              if (next === 'production' || next === 'sandbox') setGateway(ALIPAY_GATEWAYS[next]);
            }}
            data-testid="scan-alipay-environment"
          >
            <option value="production">{t('scanpay.settings.environment.production')}</option>
            <option value="sandbox">{t('scanpay.settings.environment.sandbox')}</option>
            {preset === 'other' && <option value="other">{t('scanpay.settings.environment.other')}</option>}
          </select>
        </label>
        <label className="field">
          <span>{t('scanpay.settings.gateway')}</span>
          <input value={gateway} onChange={(e) => setGateway(e.target.value)} autoComplete="off" data-testid="scan-alipay-gateway" />
        </label>
        <label className="field">
          <span>
            {t('scanpay.settings.privateKey')} <SecretState stored={view?.hasPrivateKey ?? false} />
          </span>
          <textarea
            value={privateKey}
            onChange={(e) => setPrivateKey(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            placeholder={view?.hasPrivateKey ? t('scanpay.settings.keepSecret') : ''}
            data-testid="scan-alipay-private-key"
          />
        </label>
        <label className="field">
          <span>
            {t('scanpay.settings.alipayPublicKey')} <SecretState stored={view?.hasAlipayPublicKey ?? false} />
          </span>
          <textarea
            value={publicKey}
            onChange={(e) => setPublicKey(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            placeholder={view?.hasAlipayPublicKey ? t('scanpay.settings.keepSecret') : ''}
            data-testid="scan-alipay-public-key"
          />
        </label>
        <ProviderFormFooter
          provider="alipay"
          busy={saving.busy}
          onRemove={view ? () => void save({ remove: 'alipay' }, 'scanpay.settings.removed') : null}
          error={saving.error}
          notice={notice}
        />
      </form>
    </section>
  );
}
