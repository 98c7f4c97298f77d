import { until } from '../support/until';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../main/host/web';
import type { CustomerDisplayView } from '../../preload/contract';
import { DISPLAY_SOCKET_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX, type ServerMessage } from '../../preload/contract/web-protocol';
import { makeRegister, withStaff, type TestRegister } from '../support/register-fixture';

const WATER = '6901234567892'; // 2.00

let reg: TestRegister;
let host: WebHost;
let staticDir: string;

beforeAll(async () => {
  reg = makeRegister();
  await withStaff(reg);
  staticDir = mkdtempSync(join(tmpdir(), 'ringup-static-'));
  writeFileSync(join(staticDir, 'customer-display.html'), '<!doctype html><title>Ringup</title>');
  host = await startWebHost({ register: reg, staticDir, log: reg.log });
});
afterAll(async () => {
  await host.close();
  reg.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

interface Client {
  ws: WebSocket;
  events: { event: string; payload: unknown }[];
  call(name: string, input: unknown): Promise<unknown>;
}

function open(path: string, token = host.token): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${token}`], {
      headers: { Origin: `http://127.0.0.1:${host.port}` },
    });
    const events: Client['events'] = [];
    const waiting = new Map<number, (r: unknown) => void>();
    let next = 1;
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString('utf8')) as ServerMessage;
      if (m.type === 'event') events.push({ event: m.event, payload: m.payload });
      else waiting.get(m.id)?.(m.result);
    });
    ws.once('open', () =>
      resolve({
        ws,
        events,
        call: (name, input) =>
          new Promise((r) => {
            const id = next++;
            waiting.set(id, r);
            ws.send(JSON.stringify({ type: 'call', id, name, input }));
          }),
      }),
    );
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('the customer display connection', () => {
  it('needs the launch token like any page', async () => {
    await expect(open(DISPLAY_SOCKET_PATH, 'x'.repeat(32))).rejects.toThrow('refused 403');
  });

  it('reads its view and nothing else, and hears display.changed alone while the till hears everything', async () => {
    const till = await open('/ws');
    const display = await open(DISPLAY_SOCKET_PATH);
    expect(await display.call('display.current', {})).toMatchObject({ ok: true, value: { state: 'idle', storeName: '便利店 Ringup Demo', lines: [] } });
    for (const [name, input] of [
      ['sale.current', {}],
      ['session.logout', {}],
      ['settings.get', {}],
      ['session.operators', {}],
    ] as const) {
      expect(await display.call(name, input)).toEqual({ ok: false, error: { code: 'request.unknown_call', params: {} } });
    }
    // The refused logout never reached the register: the till still sells.
    const sale = (await till.call('sale.current', {})) as { ok: true; value: { id: string } };
    expect(sale.ok).toBe(true);
    await till.call('sale.addProduct', { saleId: sale.value.id, code: WATER });
    await until('the display to follow', () => display.events.length > 0);
    expect(display.events.map((e) => e.event)).toEqual(['display.changed']);
    expect(display.events[0]?.payload).toMatchObject({ state: 'sale', totalMinor: 200, lines: [{ name: '农夫山泉 550ml', qtyMilli: 1000, totalMinor: 200 }] });
    expect(till.events.map((e) => e.event)).toEqual(expect.arrayContaining(['sale.changed', 'display.changed']));

    await till.call('sale.tenderCash', { saleId: sale.value.id, tenderedMinor: 500, idempotencyKey: 'display-cash-1' });
    await until('the display to follow', () => display.events.some((e) => (e.payload as CustomerDisplayView).state === 'done'));
    const done = display.events.at(-1)?.payload as CustomerDisplayView;
    expect(done).toMatchObject({ state: 'done', totalMinor: 200, changeMinor: 300 });
    expect(display.events.every((e) => e.event === 'display.changed')).toBe(true);
    till.ws.close();
    display.ws.close();
  });
});
