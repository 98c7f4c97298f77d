// The customer display window (app://ringup/customer-display.html) shares the preload bridge with
// the cashier's window, so main decides what it may do by the page it shows: read its view, hear
// `display.changed`, nothing more. A display facing the shop floor must not sell, log in or read the till.
import { customerDisplayCallNames } from '../../../preload/contract/customer-display';
import { APP_ORIGIN, isAppUrl } from './app-url';

export const APP_DISPLAY_URL = `${APP_ORIGIN}/customer-display.html`;

export function isCustomerDisplayUrl(value: unknown): boolean {
  if (!isAppUrl(value)) return false;
  try {
    return new URL(String(value)).pathname === '/customer-display.html';
  } catch {
    return false;
  }
}

/** Whether a page at `url` may make call `name`: the display only its own; every other app page all of them (the router still authorizes). */
export function callAllowedFrom(url: unknown, name: unknown): boolean {
  return !isCustomerDisplayUrl(url) || (typeof name === 'string' && customerDisplayCallNames.includes(name));
}

/** Whether a page at `url` hears `event`. */
export function eventAllowedTo(url: unknown, event: string): boolean {
  return !isCustomerDisplayUrl(url) || event === 'display.changed';
}

/** The screen the customer display goes on: the first one that is not the cashier's (primary), if any. */
export function customerScreen<D extends { id: number }>(displays: readonly D[], primaryId: number): D | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}
