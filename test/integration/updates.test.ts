// Software updates against a real HTTP feed on this machine, laid out as electron-updater's
// generic provider serves one. The installer stands in for electron-updater (which needs the
// Electron binary) by downloading the feed's file over the same HTTP; main decides the rest.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendJournal } from '../../main/ledger/journal';
import { compareVersions } from '../../main/updates/update-feed';
import type { UpdateInstaller } from '../../main/updates/updates';
import { appVersion } from '../../main/app-version';
import { CASHIER_PIN, makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { until } from '../support/until';

let server: Server;
let feed: string;
const files = new Map<string, string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ringup`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const open: TestRegister[] = [];
afterEach(() => {
  files.clear();
  for (const r of open.splice(0)) r.cleanup();
});

function publish(version: string): void {
  files.set(
    '/ringup/latest-linux.yml',
    `version: ${version}\nfiles:\n  - url: Ringup-${version}.AppImage\n    sha512: abc\n    size: 7\npath: Ringup-${version}.AppImage\nreleaseDate: '2026-11-20T10:00:00.000Z'\n`,
  );
  files.set(`/ringup/Ringup-${version}.AppImage`, 'binary');
}

class DownloadingInstaller implements UpdateInstaller {
  installs = 0;
  async download(feedUrl: string): Promise<string> {
    const channel = await (await fetch(`${feedUrl}/latest-linux.yml`)).text();
    const version = /^version: (.+)$/m.exec(channel)?.[1] ?? '';
    const file = await fetch(`${feedUrl}/Ringup-${version}.AppImage`);
    if (!file.ok) throw new Error(`download failed: ${file.status}`);
    return version;
  }
  installAndRestart(): void {
    this.installs++;
  }
}

async function ownerRegister(installer?: UpdateInstaller) {
  const reg = makeRegister({ platform: 'linux', ...(installer ? { updateInstaller: installer } : {}) });
  open.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  return { reg, ...staff };
}

describe('update check', () => {
  it('in browser mode is a no-op that says why, and nothing can be installed', async () => {
    const { reg } = await ownerRegister();
    await reg.must('settings.update', { updateFeedUrl: feed });
    publish('99.0.0');
    expect(await reg.must('updates.check', {})).toMatchObject({ state: 'browser_mode', latestVersion: null });
    expect(await reg.call('updates.install', {})).toMatchObject({ error: { code: 'updates.browser_mode' } });
    expect(await reg.must('app.about', {})).toMatchObject({ version: appVersion().version, shell: 'browser' });
  });

  it('in the desktop shell reads the feed: up to date, newer, unreachable, unreadable', async () => {
    const { reg } = await ownerRegister(new DownloadingInstaller());
    expect(await reg.must('updates.check', {})).toMatchObject({ state: 'no_feed' });
    await reg.must('settings.update', { updateFeedUrl: feed });
    publish(appVersion().version);
    expect(await reg.must('updates.check', {})).toMatchObject({ state: 'up_to_date', latestVersion: appVersion().version });
    files.set('/ringup/latest-linux.yml', 'version: [unclosed');
    expect(await reg.must('updates.check', {})).toMatchObject({ state: 'bad_feed', latestVersion: null });
    files.clear();
    const missing = await reg.must('updates.check', {});
    expect(missing.state).toBe('unreachable');
    expect(missing.detail).toContain('404');
    await reg.must('settings.update', { updateFeedUrl: 'http://127.0.0.1:9/none' });
    expect(await reg.must('updates.check', {})).toMatchObject({ state: 'unreachable' });
  });

  it('never installs while a sale is open or before the day is closed', async () => {
    const installer = new DownloadingInstaller();
    const { reg, cashierId, ownerId } = await ownerRegister(installer);
    await reg.must('settings.update', { updateFeedUrl: feed });
    publish('99.1.0');
    expect(await reg.must('updates.check', {})).toMatchObject({ state: 'available', latestVersion: '99.1.0' });
    expect(await until('the update downloaded', async () => ((await reg.must('updates.check', {})).state === 'downloaded' ? true : null))).toBe(true);

    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: '6901234567892' });
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    expect(await reg.must('updates.check', {})).toMatchObject({ installBlockedBy: 'sale_open' });
    expect(await reg.call('updates.install', {})).toMatchObject({ error: { code: 'updates.sale_open' } });

    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 200, idempotencyKey: 'update-sale-1' });
    expect(await reg.call('updates.install', {})).toMatchObject({ error: { code: 'updates.day_open' } });

    // The day close (main/day-close) journals day.closed for the business day it closes.
    const day = (await reg.must('sale.get', { saleId: sale.id })).businessDay;
    appendJournal(reg.db, 'day.closed' as never, { businessDay: day } as never);
    expect(await reg.must('updates.install', {})).toMatchObject({ state: 'downloaded', latestVersion: '99.1.0', installBlockedBy: null });
    expect(await until('the installer run', () => (installer.installs > 0 ? installer.installs : null))).toBe(1);
  });

  it('compares versions by their numbers', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0-beta.2')).toBe(1);
    expect(compareVersions('v1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.2.3', '1.3.0')).toBe(-1);
  });
});
