// The register's scan-to-pay, start to stop: providers built from the stored credentials (or,
// in the demo with none stored, the provider simulator started inside the register), scan
// payments with their recovery at start-up, and the owner's settings.
import type { z } from 'zod';
import type { scanPaySettings } from '../../preload/contract/scan-pay';
import type { ScanPayConfigView, ScanProvidersView } from '../../preload/contract/scan-pay-views';
import type { Db } from '../ledger/database';
import type { Logger } from '../log';
import type { EventBus } from '../common/event-bus';
import type { PaymentProvider, ProviderTimings, ScanPayProvider } from '../providers/provider';
import { WechatPayClient, type WechatCredentials } from '../providers/wechat/wechat-client';
import { AlipayClient, type AlipayCredentials } from '../providers/alipay/alipay-client';
import { PaySimulator } from '../providers/simulator/pay-simulator';
import type { SecretBox } from './secret-box';
import { ScanPayments, type ScanMoment, type ScanPaymentDeps } from './scan-payment';
import { alipayCredentials, alipaySettingsView, saveSettings, wechatCredentials, wechatSettingsView } from './scan-credentials';

export interface ScanPayRuntimeOptions {
  db: Db;
  events: EventBus;
  log: Logger;
  clock: () => number;
  secrets: SecretBox;
  /** Demo with no provider configured: answer with the simulator inside the register. */
  demo?: boolean;
  /** Provider pacing (poll, wait limit, reverse delay...); tests and the demo shorten it. */
  timings?: Partial<ProviderTimings>;
  /** HTTP deadline of each provider call. */
  requestTimeoutMs?: number;
  sweepMs?: number;
  onMoment?: (moment: ScanMoment, attemptId: number) => void;
  onEnded?: ScanPaymentDeps['onEnded'];
}

/** The demo's customers take a few seconds to confirm, and the register asks every second. */
export const DEMO_TIMINGS: Partial<ProviderTimings> = {
  pollMs: 1000,
  waitLimitMs: 20_000,
  unknownDelayMs: 1000,
  reverseAfterMs: 2000,
  reverseRetryMs: 1000,
  codeLifeMs: 30_000,
};

export class ScanPayRuntime {
  readonly payments: ScanPayments;
  private simulator: PaySimulator | null = null;
  private providers = new Map<PaymentProvider, ScanPayProvider>();
  private stopped = false;

  constructor(private readonly options: ScanPayRuntimeOptions) {
    this.payments = new ScanPayments({
      db: options.db,
      events: options.events,
      log: options.log,
      clock: options.clock,
      provider: (id) => this.providers.get(id) ?? null,
      ...(options.onMoment ? { onMoment: options.onMoment } : {}),
      ...(options.onEnded ? { onEnded: options.onEnded } : {}),
      ...(options.sweepMs ? { sweepMs: options.sweepMs } : {}),
    });
  }

  private timings(): Partial<ProviderTimings> {
    return { ...(this.simulator ? DEMO_TIMINGS : {}), ...this.options.timings };
  }

  private build(wechat: WechatCredentials | null, alipay: AlipayCredentials | null): void {
    const timeout = this.options.requestTimeoutMs;
    this.providers = new Map();
    if (wechat)
      this.providers.set(
        'wechat',
        new WechatPayClient(wechat, { timings: this.timings(), ...(timeout ? { payTimeoutMs: timeout, callTimeoutMs: timeout } : {}) }),
      );
    if (alipay) this.providers.set('alipay', new AlipayClient(alipay, { timings: this.timings(), ...(timeout ? { timeoutMs: timeout } : {}) }));
  }

  /** Reads the stored credentials (starting the demo simulator if there are none), then settles what a crash left open. */
  async start(): Promise<void> {
    await this.reload();
    if (this.stopped) return;
    await this.payments.recover();
  }

  private async reload(): Promise<void> {
    const { db, secrets } = this.options;
    let wechat: WechatCredentials | null = null;
    let alipay: AlipayCredentials | null = null;
    try {
      wechat = wechatCredentials(db, secrets);
      alipay = alipayCredentials(db, secrets);
    } catch (e) {
      this.options.log.error('scan-to-pay credentials could not be unsealed', e);
    }
    if (!wechat && !alipay && this.options.demo && !this.simulator) {
      const sim = await PaySimulator.start({ passwordMs: 4000, replyDelayMs: 300 });
      if (this.stopped) return sim.stop();
      this.simulator = sim;
      this.options.log.info(`demo scan-to-pay: provider simulator on ${sim.url}`);
    }
    if (!wechat && !alipay && this.simulator) return this.build(this.simulator.wechatCredentials(), this.simulator.alipayCredentials());
    this.build(wechat, alipay);
  }

  /** The provider adapter, when configured (refunds use it too). */
  provider(id: PaymentProvider): ScanPayProvider | null {
    return this.providers.get(id) ?? null;
  }

  providersView(): ScanProvidersView {
    return { wechat: this.providers.has('wechat'), alipay: this.providers.has('alipay'), simulator: this.simulator !== null && this.usingSimulator() };
  }

  private usingSimulator(): boolean {
    const { db, secrets } = this.options;
    try {
      return !wechatCredentials(db, secrets) && !alipayCredentials(db, secrets);
    } catch {
      return true;
    }
  }

  getConfig(): ScanPayConfigView {
    const { db, secrets } = this.options;
    return {
      wechat: wechatSettingsView(db, secrets),
      alipay: alipaySettingsView(db, secrets),
      secretStore: { kind: secrets.kind, keyFile: secrets.keyFile, keychainMissing: secrets.keychainMissing },
      simulator: this.simulator !== null && this.usingSimulator(),
    };
  }

  async setConfig(
    settings: z.output<typeof scanPaySettings> | { provider: PaymentProvider; remove: true },
    operatorId: number,
    now: number,
  ): Promise<ScanPayConfigView> {
    saveSettings(this.options.db, this.options.secrets, settings, operatorId, now);
    await this.reload();
    return this.getConfig();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.payments.stop();
    await this.simulator?.stop();
    this.simulator = null;
  }
}
