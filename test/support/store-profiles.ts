// The store profiles the printer tests print their golden receipts with, and the printer bench
// measures its receipt with: change them only together with the golden files.
import type { StoreSettings } from '../../preload/contract/views';

export const storeZh: StoreSettings = {
  storeName: '林记便利店',
  storeAddress: '上海市徐汇区漕溪北路 88 号',
  storeTaxId: '91310104MA1FR0XX3K',
  storeLocale: 'zh-CN',
  receiptLocale: null,
  currency: 'CNY',
  pricesIncludeTax: true,
  cashRoundingStepMinor: 10,
  cashierDiscountLimitBp: 1000,
  receiptFooter: '谢谢惠顾，欢迎再来！\n退换货请凭小票',
  registerId: 'R01',
  drawerOnCash: true,
  timeZone: 'Asia/Shanghai',
  businessDayStartsAt: '00:00',
  noReceiptRefundDayLimitMinor: 100_000,
  noReceiptRefundOperatorLimitMinor: 50_000,
  cashDenominationsMinor: [],
  badgeOnlyForCashiers: false,
  storePhone: '',
  receiptHeader: '',
  receiptLogoPng: '',
  supervisorDiscountLimitBp: 10_000,
  theme: 'light',
  fontSize: 'normal',
  screenBrightness: 100,
  soundOnScan: true,
  soundOnError: true,
  updateFeedUrl: '',
  setupWizardDone: true,
  scaleLabelLayouts: [],
  cancelSaleNeedsSupervisor: false,
};

export const storeEn: StoreSettings = {
  ...storeZh,
  storeName: 'Lin Corner Store',
  storeAddress: '88 Caoxi North Rd, Shanghai',
  storeLocale: 'en',
  receiptFooter: 'Thank you, come again!',
};
