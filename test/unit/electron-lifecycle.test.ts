import { describe, expect, it } from 'vitest';
import { appMenuTemplate, FORBIDDEN_MENU_ROLES } from '../../main/host/electron-policy/app-menu';
import { RendererRecovery } from '../../main/host/electron-policy/renderer-recovery';
import { startInOrder } from '../../main/host/electron-policy/start-order';

/** Every role reachable in a menu template, submenus included. */
function roles(items: readonly { role?: string; submenu?: unknown }[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu as { role?: string }[]) : [])]);
}

describe('application menu', () => {
  it('is absent on Windows and Linux: Alt shows nothing and Ctrl+W cannot close the till', () => {
    expect(appMenuTemplate('win32', 'Ringup')).toBeNull();
    expect(appMenuTemplate('linux', 'Ringup')).toBeNull();
  });

  it('on macOS offers quit and the edit roles, and no close, reload or dev tools', () => {
    const template = appMenuTemplate('darwin', 'Ringup') ?? [];
    const found = roles(template);
    expect(found).toContain('quit');
    expect(found).toContain('paste');
    for (const forbidden of FORBIDDEN_MENU_ROLES) expect(found).not.toContain(forbidden);
  });
});

describe('renderer crash recovery', () => {
  it('reloads a crashed page, but after three crashes within a minute shows the error page once', () => {
    const recovery = new RendererRecovery();
    expect(recovery.onGone('crashed', 0)).toBe('reload');
    expect(recovery.onGone('oom', 10_000)).toBe('reload');
    expect(recovery.onGone('crashed', 20_000)).toBe('show-error-page');
    // The error page stays: a page that keeps crashing is not reloaded forever.
    expect(recovery.onGone('crashed', 30_000)).toBe('ignore');
  });

  it('crashes far apart are each reloaded', () => {
    const recovery = new RendererRecovery({ limit: 3, windowMs: 60_000 });
    for (let i = 0; i < 10; i++) expect(recovery.onGone('crashed', i * 61_000)).toBe('reload');
  });

  it('a clean exit (window closed, quitting) is not a crash', () => {
    const recovery = new RendererRecovery({ limit: 1 });
    expect(recovery.onGone('clean-exit', 0)).toBe('ignore');
    expect(recovery.onGone('killed', 1)).toBe('show-error-page');
  });
});

describe('start order', () => {
  type Step = 'opening' | 'upgrade' | 'open' | 'show';
  function rig(options: { upgrade?: () => Promise<{ from: number; to: number } | null>; wanted?: () => boolean } = {}) {
    const steps: Step[] = [];
    const log = { lines: [] as string[], info: (m: string) => log.lines.push(m), error: (m: string) => log.lines.push(`error: ${m}`) };
    const run = startInOrder({
      showOpening: async () => {
        steps.push('opening');
      },
      upgradeLedger: async () => {
        steps.push('upgrade');
        return (options.upgrade ?? (async () => null))();
      },
      stillWanted: options.wanted ?? (() => true),
      openRegister: () => {
        steps.push('open');
        return { register: 1 };
      },
      showRegister: () => {
        steps.push('show');
      },
      log,
    });
    return { steps, log, run };
  }

  it('shows the window before the ledger is upgraded, and the register page only once it is open and bound', async () => {
    const { steps, log, run } = rig({ upgrade: async () => ({ from: 18, to: 20 }) });
    expect(await run).toEqual({ register: 1 });
    expect(steps).toEqual(['opening', 'upgrade', 'open', 'show']);
    expect(log.lines).toEqual(['ledger upgraded from schema 18 to 20']);
  });

  it('an upgrade that failed on the worker still opens the register, which says why or tries again', async () => {
    const { steps, log, run } = rig({
      upgrade: () => Promise.reject(new Error('disk full')),
    });
    expect(await run).toEqual({ register: 1 });
    expect(steps).toEqual(['opening', 'upgrade', 'open', 'show']);
    expect(log.lines).toEqual(['error: the ledger upgrade on the worker thread failed; opening the register tries again']);
  });

  it('opens nothing when the owner closed the window while the ledger was being upgraded', async () => {
    const { steps, run } = rig({ wanted: () => false });
    expect(await run).toBeNull();
    expect(steps).toEqual(['opening', 'upgrade']);
  });
});
