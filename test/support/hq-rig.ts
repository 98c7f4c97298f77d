// HQ for tests: a throwaway PostgreSQL cluster (its own initdb/pg_ctl in a temp folder, run as an
// unprivileged user when the tests run as root), HQ in this process, and helpers for the owner's
// API and for hand-made signed requests.
import { hqHeaders } from '../../preload/contract/hq-wire';
import { newNonce, signRequest } from '../../main/journal-chain/request-signature';
import { startThrowawayCluster, type ThrowawayCluster } from '../../hq/dev/throwaway-cluster';
import { startHq, type Hq } from '../../hq/hq-service';
import type { TestRegister } from './register-fixture';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface Answer<T = unknown> {
  status: number;
  body: { ok: true; value: T } | { ok: false; error: { code: string; params: Record<string, unknown> } };
}

export interface HqRig {
  cluster: ThrowawayCluster;
  hq: Hq;
  admin<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>>;
  /** A register slot at HQ and its one-time code. */
  newRegister(id: string, shopId: string): Promise<string>;
  /** Enrols a test register through its own call, as the owner would. */
  enrol(reg: TestRegister, id: string, shopId: string): Promise<void>;
  secretOf(registerId: string): Promise<Buffer>;
  signed<T = unknown>(
    path: string,
    body: unknown,
    as: { registerId: string; secret: Buffer; time?: number; nonce?: string; headers?: Record<string, string> },
  ): Promise<Answer<T>>;
  close(): Promise<void>;
}

export async function post<T>(url: string, init: RequestInit): Promise<Answer<T>> {
  const r = await fetch(url, init);
  return { status: r.status, body: (await r.json()) as Answer<T>['body'] };
}

export async function startHqRig(): Promise<HqRig> {
  const cluster = startThrowawayCluster();
  let hq: Hq;
  try {
    hq = await startHq({ databaseUrl: cluster.url, adminToken: ADMIN_TOKEN, log: () => undefined });
  } catch (error) {
    cluster.stop();
    throw error;
  }
  const shops = new Set<string>();
  const admin = <T>(method: 'GET' | 'POST', path: string, body?: unknown) =>
    post<T>(`${hq.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const newRegister = async (id: string, shopId: string): Promise<string> => {
    if (!shops.has(shopId)) {
      await admin('POST', '/api/admin/shops', { id: shopId, name: `Shop ${shopId}` });
      shops.add(shopId);
    }
    const r = await admin<{ code: string }>('POST', '/api/admin/registers', { id, shopId, name: `Register ${id}` });
    if (!r.body.ok) throw new Error(`register ${id}: ${JSON.stringify(r.body)}`);
    return r.body.value.code;
  };
  return {
    cluster,
    hq,
    admin,
    newRegister,
    enrol: async (reg, id, shopId) => {
      const code = await newRegister(id, shopId);
      await reg.must('sync.enrol', { hqUrl: hq.url, code });
    },
    secretOf: async (registerId) => {
      const row = await hq.pool.query<{ secret: Buffer }>('SELECT secret FROM registers WHERE id = $1', [registerId]);
      const secret = row.rows[0]?.secret;
      if (!secret) throw new Error(`no secret for ${registerId}`);
      return secret;
    },
    signed: (path, body, as) => {
      const text = JSON.stringify(body);
      const time = as.time ?? Date.now();
      const nonce = as.nonce ?? newNonce();
      const signature = signRequest(as.secret, { method: 'POST', path, registerId: as.registerId, time, nonce, body: text });
      return post(`${hq.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [hqHeaders.register]: as.registerId,
          [hqHeaders.time]: String(time),
          [hqHeaders.nonce]: nonce,
          [hqHeaders.signature]: signature,
          ...as.headers,
        },
        body: text,
      });
    },
    close: async () => {
      try {
        await hq.close();
      } finally {
        cluster.stop();
      }
    },
  };
}
