import { describe, expect, it } from 'vitest';
import { commandFor } from '../../renderer/src/keyboard/shortcuts';

const press = (key: string, mods: { shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean } = {}) => ({
  key,
  shiftKey: mods.shiftKey ?? false,
  ctrlKey: mods.ctrlKey ?? false,
  altKey: mods.altKey ?? false,
  metaKey: false,
});

describe('the sale screen keys for 挂单 / 取单 / 整单取消', () => {
  it('Ins holds, Home recalls, Shift+Del cancels the sale and Del alone still removes a line', () => {
    expect(commandFor(press('Insert'), false, true)).toBe('hold');
    expect(commandFor(press('Home'), false, true)).toBe('recall');
    expect(commandFor(press('Delete', { shiftKey: true }), false, true)).toBe('cancelSale');
    expect(commandFor(press('Delete'), false, true)).toBe('remove');
  });

  it('in a search field with text, Home and Shift+Del edit the text; Ins has no meaning there and still holds', () => {
    expect(commandFor(press('Home'), true, false)).toBeNull();
    expect(commandFor(press('Delete', { shiftKey: true }), true, false)).toBeNull();
    expect(commandFor(press('Insert'), true, false)).toBe('hold');
    // An empty search field does not need them.
    expect(commandFor(press('Home'), true, true)).toBe('recall');
    expect(commandFor(press('Delete', { shiftKey: true }), true, true)).toBe('cancelSale');
  });

  it('Shift is how + is typed, so + still pays; with a named key it is another key, which the table may not have', () => {
    expect(commandFor(press('+', { shiftKey: true }), true, true)).toBe('pay');
    expect(commandFor(press('F12', { shiftKey: true }), false, true)).toBeNull();
  });

  it('Ctrl or Alt combinations belong to the browser or the desktop (Shift+Ins pastes, Ctrl+Ins copies)', () => {
    expect(commandFor(press('Insert', { ctrlKey: true }), true, true)).toBeNull();
    expect(commandFor(press('Delete', { ctrlKey: true, altKey: true }), false, true)).toBeNull();
    expect(commandFor(press('Insert', { shiftKey: true }), true, true)).toBeNull();
  });
});
