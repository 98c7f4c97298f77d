import type { TFunction } from 'i18next';
import type { CallError } from '../../../preload/contract';
import { formatMoney, formatQty, formatRate } from '../format/money';
import { formatTime, machineTimeZone } from '../format/date';
import { cashRoundingStepWords } from '../format/cash-rounding-steps';

/** Refusals with a sentence of their own (`<code>_unnamed`) for a field that has no label. */
const UNNAMED: ReadonlySet<string> = new Set(['request.invalid_input', 'hq.invalid_input']);

/**
 * The person's word for a field a refusal names: "registerId" is 收银机编号, "lines.0.qtyMilli" is
 * 数量 (the last named part of a path). Null when there is no label: a program's name for a field
 * ("registerId") means nothing to a cashier and is never shown.
 */
export function fieldLabel(field: string, t: TFunction): string | null {
  // Already in words (a form that names its own field, "商户号（mch_id）"): shown as given.
  if (!/^[A-Za-z0-9_.]+$/.test(field)) return field;
  const names = field.split('.').filter((part) => part !== '' && !/^\d+$/.test(part));
  for (const name of names.reverse()) {
    const label = t(`field.${name}`, { ns: 'errors', defaultValue: '' });
    if (label !== '') return label;
  }
  return null;
}

/**
 * The translated sentence for an error code. Parameters are formatted for people first:
 * `*Minor` amounts as money, `*Milli` as a quantity, `until` as a time on the store's clock (`timeZone`), `*Bp` as a percentage, `reason` as the
 * translated reason.
 */
export function errorMessage(error: CallError, t: TFunction, locale: string, currency: string, timeZone = machineTimeZone()): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params)) {
    if (typeof value === 'number' && name.endsWith('Minor')) params[name] = formatMoney(value, currency, locale);
    else if (typeof value === 'number' && name.endsWith('Bp')) params[name] = formatRate(value, locale);
    else if (typeof value === 'number' && name.endsWith('Milli')) params[name] = formatQty(value, locale);
    else if (typeof value === 'number' && name === 'until') params[name] = formatTime(value, locale, timeZone);
    else if (name === 'reason' && typeof value === 'string') params[name] = t(`reason.${value}`, { ns: 'errors', defaultValue: value });
    else if (name === 'field' && typeof value === 'string') params[name] = fieldLabel(value, t) ?? t('field.unknown', { ns: 'errors' });
    else params[name] = value === null ? '' : String(value);
  }
  // A product picked by id has no code to show; its id is the next best thing.
  if (params.code === undefined && typeof error.params.productId === 'number') params.code = `#${error.params.productId}`;
  // "1 attempt" / "2 attempts": i18next picks the plural form from `count`.
  if (typeof error.params.attemptsLeft === 'number') params.count = error.params.attemptsLeft;
  // The steps a cash rounding may take, in the store's currency (no decimals for yen).
  if (error.params.issue === 'cash_rounding_step') Object.assign(params, cashRoundingStepWords(currency, locale));
  // A refusal that names its scope (a limit per register or per cashier) may say so in its own
  // words, `<code>_<scope>`; i18next falls back to `<code>` where there is none.
  // A refusal that would name a field the person has no word for says it without the name.
  const own = ownRule(error);
  const unnamed = own === null && typeof error.params.field === 'string' && fieldLabel(error.params.field, t) === null && UNNAMED.has(error.code);
  const bound = unnamed || own !== null ? null : boundContext(error);
  if (bound !== null) params.limit = formatLimit(error, locale, currency);
  const context = own
    ? { context: own }
    : unnamed
      ? { context: 'unnamed' }
      : bound !== null
        ? { context: bound }
        : typeof error.params.scope === 'string'
          ? { context: error.params.scope }
          : {};
  const sentence = t(error.code, { ns: 'errors', ...params, ...context, defaultValue: t('internal', { ns: 'errors' }) });
  const hint = error.code === 'request.invalid_input' && bound === null && own === null && !unnamed ? fieldHint(error.params.field, t) : '';
  return hint === '' ? sentence : `${sentence}${t('hintJoin', { ns: 'errors' })}${hint}`;
}

/** How a field should look, where its label alone does not say (`hint.timeZone`: "例如 Asia/Shanghai"). */
function fieldHint(field: unknown, t: TFunction): string {
  if (typeof field !== 'string' || !/^[A-Za-z0-9_.]+$/.test(field)) return '';
  const name = field
    .split('.')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .pop();
  return name === undefined ? '' : t(`hint.${name}`, { ns: 'errors', defaultValue: '' });
}

/** Rules of the contract's own with a sentence of their own (`request.invalid_input_<rule>`, see input-refusal.ts). */
const OWN_RULES: ReadonlySet<string> = new Set(['cash_rounding_step', 'control_characters', 'ad_hoc_zero_price', 'discount_zero']);

function ownRule(error: CallError): string | null {
  const { issue } = error.params;
  return error.code === 'request.invalid_input' && typeof issue === 'string' && OWN_RULES.has(issue) ? issue : null;
}

/**
 * A refused input that broke a bound says which (`request.invalid_input_number_too_big`: "端口最大为
 * 65535"); the router names the bound for numbers and texts only.
 */
function boundContext(error: CallError): string | null {
  const { issue, origin, limit, inclusive } = error.params;
  if (error.code !== 'request.invalid_input' || typeof limit !== 'number' || (origin !== 'number' && origin !== 'string')) return null;
  if (issue !== 'too_big' && issue !== 'too_small') return null;
  if (origin === 'string') return issue === 'too_small' && limit <= 1 ? 'empty' : `string_${issue}`;
  return `number_${issue}${inclusive === false ? '_exclusive' : ''}`;
}

/** The bound in the field's own unit: 最大为 ¥9,999.99 for an amount, not 999999. */
function formatLimit(error: CallError, locale: string, currency: string): string {
  const limit = error.params.limit as number;
  const field = typeof error.params.field === 'string' ? error.params.field : '';
  if (error.params.origin === 'number' && field.endsWith('Minor')) return formatMoney(limit, currency, locale);
  if (error.params.origin === 'number' && field.endsWith('Milli')) return formatQty(limit, locale);
  if (error.params.origin === 'number' && field.endsWith('Bp')) return formatRate(limit, locale);
  return new Intl.NumberFormat(locale, { useGrouping: false }).format(limit);
}
