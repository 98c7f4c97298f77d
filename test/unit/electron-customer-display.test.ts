import { describe, expect, it } from 'vitest';
import { callAllowedFrom, customerScreen, eventAllowedTo, isCustomerDisplayUrl } from '../../main/host/electron-policy/customer-display';
import { calls } from '../../preload/contract';
import { eventNames } from '../../preload/contract/events';

const DISPLAY = 'app://ringup/customer-display.html';
const TILL = 'app://ringup/index.html';

describe('the customer display window', () => {
  it('is the display page of our own origin only', () => {
    expect(isCustomerDisplayUrl(DISPLAY)).toBe(true);
    expect(isCustomerDisplayUrl(`${DISPLAY}?x=1#y`)).toBe(true);
    expect(isCustomerDisplayUrl(TILL)).toBe(false);
    expect(isCustomerDisplayUrl('app://ringup.evil/customer-display.html')).toBe(false);
    expect(isCustomerDisplayUrl('http://127.0.0.1/customer-display.html')).toBe(false);
    expect(isCustomerDisplayUrl(null)).toBe(false);
  });

  it('may make display.current and no other call, while the till may make every call', () => {
    const names = Object.keys(calls);
    expect(names.filter((n) => callAllowedFrom(DISPLAY, n))).toEqual(['display.current']);
    expect(names.every((n) => callAllowedFrom(TILL, n))).toBe(true);
    expect(callAllowedFrom(DISPLAY, { toString: () => 'display.current' })).toBe(false);
  });

  it('hears display.changed and no other event', () => {
    expect(eventNames.filter((e) => eventAllowedTo(DISPLAY, e))).toEqual(['display.changed']);
    expect(eventNames.every((e) => eventAllowedTo(TILL, e))).toBe(true);
  });

  it('goes on the first screen that is not the primary one, and nowhere when there is one screen', () => {
    expect(customerScreen([{ id: 1 }, { id: 7 }, { id: 9 }], 1)).toEqual({ id: 7 });
    expect(customerScreen([{ id: 7 }, { id: 1 }], 1)).toEqual({ id: 7 });
    expect(customerScreen([{ id: 1 }], 1)).toBeNull();
  });
});
