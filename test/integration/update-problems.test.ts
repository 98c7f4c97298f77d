// Why an update check (or the download after it) did not get through, as the owner is told: a
// code the About screen words in their language, with Node's or electron-updater's own English
// kept apart as the technical detail. Real feeds on this machine: a port nobody listens on, a
// server answering 404 and 500, one that never answers. A name that does not resolve is read from
// the error Node gives (below): how fast a resolver fails is the network's business, not the test's.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed } from '../../main/updates/update-feed';
import { updateProblemOf } from '../../main/updates/update-problem';
import type { UpdateInstaller } from '../../main/updates/updates';
import { closedPort } from '../support/closed-port';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { until } from '../support/until';

let server: Server;
let origin: string;
/** Status and body by path; a path not here is never answered (a server that hangs). */
const routes = new Map<string, { status: number; body: string }>();
const hanging = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (route) res.writeHead(route.status, { 'content-type': 'text/yaml' }).end(route.body);
    else hanging.add(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const open: TestRegister[] = [];
afterEach(() => {
  routes.clear();
  for (const r of open.splice(0)) r.cleanup();
});

/** A desktop shell's installer whose downloads fail the way electron-updater's do offline. */
class OfflineInstaller implements UpdateInstaller {
  downloads = 0;
  download(): Promise<string> {
    this.downloads++;
    return Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
  }
  installAndRestart(): void {
    throw new Error('nothing was downloaded');
  }
}

async function ownerRegister(installer: UpdateInstaller) {
  const reg = makeRegister({ platform: 'linux', updateInstaller: installer });
  open.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  return reg;
}

describe('an update check that does not get through', () => {
  it('says why in a code the window translates, with the technical detail apart', async () => {
    const reg = await ownerRegister(new OfflineInstaller());
    const checkAt = async (feed: string) => {
      await reg.must('settings.update', { updateFeedUrl: feed });
      return reg.must('updates.check', {});
    };

    const refused = await checkAt(`http://127.0.0.1:${await closedPort()}/ringup`);
    expect(refused).toMatchObject({ state: 'unreachable', reason: 'refused' });
    expect(refused.detail).toContain('ECONNREFUSED');

    routes.set('/missing/latest-linux.yml', { status: 404, body: 'not found' });
    expect(await checkAt(`${origin}/missing`)).toMatchObject({ state: 'unreachable', reason: 'not_found', detail: 'HTTP 404 for /missing/latest-linux.yml' });
    routes.set('/broken/latest-linux.yml', { status: 500, body: 'oops' });
    expect(await checkAt(`${origin}/broken`)).toMatchObject({ state: 'unreachable', reason: 'server' });

    // Reached and readable: no problem to word.
    routes.set('/ok/latest-linux.yml', { status: 200, body: 'version: 0.0.1\n' });
    expect(await checkAt(`${origin}/ok`)).toMatchObject({ state: 'up_to_date', reason: null, detail: null });
  });

  it('gives up on a feed that never answers, as a timeout, instead of waiting for ever', async () => {
    expect(await checkFeed(`${origin}/silent`, '0.1.0', 'linux', 200)).toMatchObject({ state: 'unreachable', reason: 'timeout' });
  });

  it('says that the download of an available version failed, and why, instead of "being downloaded"', async () => {
    const installer = new OfflineInstaller();
    const reg = await ownerRegister(installer);
    routes.set('/newer/latest-linux.yml', { status: 200, body: 'version: 99.0.0\n' });
    await reg.must('settings.update', { updateFeedUrl: `${origin}/newer` });

    // The first check finds the version and starts its download: nothing has failed yet.
    expect(await reg.must('updates.check', {})).toMatchObject({ state: 'available', latestVersion: '99.0.0', reason: null });
    await until('the download to have failed', () => (installer.downloads === 1 ? true : null));
    const again = await until('the failure to be said', async () => {
      const view = await reg.must('updates.check', {});
      return view.reason ? view : null;
    });
    expect(again).toMatchObject({ state: 'available', latestVersion: '99.0.0', reason: 'offline', detail: 'net::ERR_INTERNET_DISCONNECTED' });
    // That check tried again.
    await until('a second download', () => (installer.downloads === 2 ? true : null));
    expect(await reg.call('updates.install', {})).toMatchObject({ ok: false, error: { code: 'updates.none_downloaded' } });
  });
});

describe('update problems', () => {
  it('are read from Node codes, their causes, and the messages electron-updater throws', () => {
    const fetchFailed = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
    expect(updateProblemOf(fetchFailed('ENOTFOUND'))).toBe('offline');
    expect(updateProblemOf(fetchFailed('EAI_AGAIN'))).toBe('offline');
    expect(updateProblemOf(fetchFailed('ETIMEDOUT'))).toBe('timeout');
    expect(updateProblemOf(fetchFailed('ECONNRESET'))).toBe('refused');
    expect(updateProblemOf(fetchFailed('CERT_HAS_EXPIRED'))).toBe('certificate');
    expect(updateProblemOf(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe('timeout');
    expect(updateProblemOf(new Error('net::ERR_NAME_NOT_RESOLVED'))).toBe('offline');
    expect(updateProblemOf(new Error('net::ERR_CONNECTION_TIMED_OUT'))).toBe('timeout');
    expect(updateProblemOf(new Error('HttpError: 404 \n"method: GET url: https://x/Ringup-9.0.0.AppImage"'))).toBe('not_found');
    expect(updateProblemOf(new Error('HttpError: 503 Service Unavailable'))).toBe('server');
    expect(updateProblemOf(new Error('sha512 checksum mismatch'))).toBe('other');
    expect(updateProblemOf('a string')).toBe('other');
  });
});
