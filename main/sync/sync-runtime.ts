// The uploader and puller, in the register's main process. It runs beside the counter and never
// in its way: a sale commits locally and only nudges it; a failure backs off (1 s doubling to a
// minute, with jitter) and tries again; nothing local is ever deleted because of an upload. What
// HQ acknowledges is recorded, and HQ's head is believed over our memory, so a gap at HQ is sent
// again. A refusal of the chain itself (a fork, a record that disagrees, a key HQ does not know)
// stops uploading until the owner has looked and asks for a retry.
import { hqPaths, type DownResponse, type UploadResponse } from '../../preload/contract/hq-wire';
import type { EventBus } from '../common/event-bus';
import type { Db } from '../ledger/database';
import type { JournalEntry } from '../ledger/journal';
import { journalFeed } from '../ledger/journal-feed';
import { sql } from '../ledger/statements';
import type { Logger } from '../log';
import type { SecretBox } from '../scan-pay/secret-box';
import { applyDueVersions, nextEffectiveAt } from './apply-version';
import { postToHq, type HqLink } from './hq-client';
import { recordsFor } from './upload-records';
import { readLink, recordAck, recordClockOffset, recordFailure, type SyncLinkRow } from './sync-store';

export interface SyncRuntimeOptions {
  db: Db;
  log: Logger;
  clock: () => number;
  secrets: SecretBox;
  /** Where `sync.changed` goes when a cycle moved the upload on (the back office's HQ section follows it). */
  events?: EventBus;
  /** How often to look for new entries and versions when nothing nudges (ms). */
  idleMs?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  batchSize?: number;
  requestTimeoutMs?: number;
  /** false: never runs by itself, only through runOnce() (tests that drive it step by step). */
  auto?: boolean;
  /** Seen by tests: each upload answer, as it arrives. */
  onUpload?: (outcome: { ok: boolean; code: string | null; sent: number; headSeq: number | null }) => void;
}

/** HQ refusals a retry cannot cure: the owner must look first. */
const REFUSALS = new Set([
  'hq.fork',
  'hq.tampered',
  'hq.record_mismatch',
  'hq.record_missing',
  'hq.forbidden',
  'hq.bad_signature',
  'hq.unknown_register',
  'hq.invalid_input',
  // Taken out of the chain: only the owner's withdrawal here (or a new enrolment) ends it.
  'hq.register_withdrawn',
]);

const COMPLETION_KINDS = ['sale.completed', 'refund.completed', 'void.completed'] as const;

export class SyncRuntime {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void)[] = [];
  private readonly idleMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly batchSize: number;
  private readonly requestTimeoutMs: number;

  constructor(private readonly o: SyncRuntimeOptions) {
    this.idleMs = o.idleMs ?? 5000;
    this.backoffMs = o.backoffMs ?? 1000;
    this.maxBackoffMs = o.maxBackoffMs ?? 60_000;
    this.batchSize = o.batchSize ?? 500;
    this.requestTimeoutMs = o.requestTimeoutMs ?? 15_000;
  }

  start(): void {
    if (!this.stopped || this.o.auto === false) return;
    this.stopped = false;
    // Inside the sale's transaction only a timer is set: the upload itself runs after the commit.
    const feed = journalFeed(this.o.db);
    for (const kind of COMPLETION_KINDS) this.unsubscribe.push(feed.subscribe(kind, () => this.kick()));
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const u of this.unsubscribe.splice(0)) u();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Look now (a sale was made, the owner pressed retry, a link was made). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Clears a refusal so the next cycle tries again (the owner has looked at HQ's alert). */
  retryNow(): void {
    sql(this.o.db, "UPDATE sync_link SET state = 'idle', next_attempt_at = NULL WHERE id = 1 AND state <> 'idle'").run();
    this.kick();
  }

  /** One full cycle now, for tests and the back office: resolves when it is done. */
  async runOnce(): Promise<void> {
    if (this.running) await this.running;
    await this.cycle();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.cycle()
        .catch((e: unknown) => this.o.log.error('sync cycle failed', e))
        .finally(() => {
          this.running = null;
          const again = this.again;
          this.again = false;
          this.schedule(again ? 0 : this.nextDelay());
        });
    }, delayMs);
    this.timer.unref?.();
  }

  private nextDelay(): number {
    const link = this.o.db.open ? readLink(this.o.db) : null;
    const now = this.o.clock();
    let delay = this.idleMs;
    if (link?.state === 'retrying' && link.next_attempt_at !== null) delay = Math.max(0, link.next_attempt_at - now);
    const effective = this.o.db.open ? nextEffectiveAt(this.o.db) : null;
    if (effective !== null) delay = Math.min(delay, Math.max(0, effective - now));
    return delay;
  }

  private backoff(failures: number): number {
    const base = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** Math.min(failures, 16));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  private linkOf(row: SyncLinkRow): HqLink {
    return { hqUrl: row.hq_url, registerId: row.register_id, secret: Buffer.from(this.o.secrets.open(row.secret), 'hex'), clockOffsetMs: row.clock_offset_ms };
  }

  private async cycle(): Promise<void> {
    try {
      await this.cycleOnce();
    } finally {
      this.announce();
    }
  }

  /** What the HQ section shows, in short; the last one announced, so an idle cycle says nothing. */
  private announced = '';

  private announce(): void {
    if (!this.o.events || !this.o.db.open) return;
    const row = readLink(this.o.db);
    const mark = row ? [row.state, row.acked_seq, row.last_error, row.next_attempt_at, row.down_version].join('|') : 'none';
    if (mark === this.announced) return;
    this.announced = mark;
    this.o.events.emit('sync.changed', null);
  }

  private async cycleOnce(): Promise<void> {
    const db = this.o.db;
    if (!db.open) return;
    applyDueVersions(db, this.o.clock());
    const row = readLink(db);
    if (!row || row.state === 'refused') return;
    if (row.state === 'retrying' && row.next_attempt_at !== null && row.next_attempt_at > this.o.clock()) return;
    const link = this.linkOf(row);
    if (!(await this.pull(link, row.down_version))) return;
    applyDueVersions(db, this.o.clock());
    await this.upload(link);
  }

  private fail(error: { code: string; params: Record<string, unknown> }, refused: boolean): void {
    const row = readLink(this.o.db);
    const now = this.o.clock();
    recordFailure(this.o.db, error, refused ? 'refused' : 'retrying', refused ? null : now + this.backoff(row?.failures ?? 0), now);
  }

  /** Learns HQ's clock from a clock_skew refusal; true when the offset changed (worth one more try). */
  private learnClock(link: HqLink, params: Record<string, unknown>): boolean {
    const serverTime = params.serverTime;
    if (typeof serverTime !== 'number') return false;
    const offset = serverTime - this.o.clock();
    if (Math.abs(offset - link.clockOffsetMs) < 1000) return false;
    link.clockOffsetMs = offset;
    recordClockOffset(this.o.db, offset);
    return true;
  }

  private async pull(link: HqLink, after: number): Promise<boolean> {
    let cursor = after;
    for (let page = 0; page < 100; page++) {
      const answer = await postToHq<DownResponse>(
        link.hqUrl,
        hqPaths.down,
        { registerId: link.registerId, after: cursor },
        { timeoutMs: this.requestTimeoutMs, sign: { link, now: this.o.clock() } },
      );
      if (!this.o.db.open) return false;
      if (!answer.ok) {
        if (answer.error.code === 'hq.clock_skew' && this.learnClock(link, answer.error.params)) continue;
        this.fail(answer.error, REFUSALS.has(answer.error.code));
        this.o.log.info(`pull from HQ: ${answer.error.code} ${JSON.stringify(answer.error.params)}`);
        return false;
      }
      const now = this.o.clock();
      const { versions, more } = answer.value;
      this.o.db.transaction(() => {
        // Withdrawn while the answer was on its way: the versions belonged to the chain.
        if (readLink(this.o.db)?.register_id !== link.registerId) return;
        const insert = sql(this.o.db, 'INSERT OR IGNORE INTO sync_versions (version, kind, effective_at, body, received_at) VALUES (?, ?, ?, ?, ?)');
        for (const v of versions) insert.run(v.version, v.kind, v.effectiveAt, JSON.stringify(v.body), now);
        const last = versions[versions.length - 1]?.version ?? cursor;
        sql(this.o.db, 'UPDATE sync_link SET down_version = MAX(down_version, ?), pulled_at = ? WHERE id = 1').run(last, now);
        cursor = last;
      })();
      if (!more) return true;
    }
    return true;
  }

  private async upload(link: HqLink): Promise<void> {
    const db = this.o.db;
    for (let round = 0; round < 10_000 && db.open; round++) {
      const row = readLink(db);
      if (!row) return;
      const entries = sql(db, 'SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain WHERE seq > ? ORDER BY seq LIMIT ?').all(
        row.acked_seq,
        this.batchSize,
      ) as JournalEntry[];
      if (entries.length === 0) {
        if (row.state !== 'idle') recordAck(db, { seq: row.acked_seq, hash: row.acked_hash ?? '' }, this.o.clock());
        return;
      }
      const body = { registerId: link.registerId, entries, records: recordsFor(db, entries) };
      const answer = await postToHq<UploadResponse>(link.hqUrl, hqPaths.upload, body, {
        timeoutMs: this.requestTimeoutMs,
        sign: { link, now: this.o.clock() },
      });
      if (!db.open) return;
      if (answer.ok) {
        recordAck(db, answer.value.head, this.o.clock());
        this.o.onUpload?.({ ok: true, code: null, sent: entries.length, headSeq: answer.value.head.seq });
        continue;
      }
      const { code, params } = answer.error;
      this.o.onUpload?.({ ok: false, code, sent: entries.length, headSeq: typeof params.headSeq === 'number' ? params.headSeq : null });
      if (code === 'hq.gap' && typeof params.headSeq === 'number' && typeof params.headHash === 'string') {
        // HQ holds less than we thought (or than we sent from): start again from its head.
        recordAck(db, { seq: params.headSeq, hash: params.headHash }, this.o.clock());
        continue;
      }
      if (code === 'hq.clock_skew' && this.learnClock(link, params)) continue;
      this.fail(answer.error, REFUSALS.has(code));
      this.o.log.info(`upload to HQ: ${code} ${JSON.stringify(params)}`);
      return;
    }
  }
}
