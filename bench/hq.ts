// HQ figures, on a throwaway PostgreSQL cluster (fsync on) started for the run:
// - ingest: entries/s HQ takes in (signed HTTP request, chain and record checks, insert) against
//   PostgreSQL's own batched insert of the same rows into the same tables (unnest, one
//   transaction per batch, no checks, no HTTP), same batch size, same run: `hq_ingest_ratio`;
// - catch-up: a register that sold a day of 1,400 sales offline uploads all of it.
// The register's ledger sits on tmpfs where there is one: the sales are the set-up here, not the figure.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PoolClient } from 'pg';
import { hqPaths, type NamedRecords, type UploadResponse, type WireRecords } from '../preload/contract/hq-wire';
import type { JournalEntry } from '../main/ledger/journal';
import { namedRecordsFor, recordsFor } from '../main/sync/upload-records';
import { insertRecords } from '../hq/ingest/records';
import { makeRegister, openShift, OWNER_PIN, type TestRegister } from '../test/support/register-fixture';
import { startHqRig } from '../test/support/hq-rig';
import { fmt } from './stats';
import { size } from './scale';

const DAY_SALES = Number(process.env.BENCH_DAY_SALES ?? size(1400, 20));
const BATCH = 500;
const ROUNDS = size(3, 1);

type Log = (line: string) => void;

async function sellADay(reg: TestRegister): Promise<void> {
  const codes = ['6901234567892', '6904567890125', '6905678901236', '6907890123458', '6908901234569', '6906789012347'];
  for (let i = 0; i < DAY_SALES; i++) {
    const sale = await reg.must('sale.current', {});
    for (let k = 0; k < 1 + (i % 4); k++) await reg.must('sale.addProduct', { saleId: sale.id, code: codes[(i + k) % codes.length] ?? '' });
    const view = await reg.must('sale.get', { saleId: sale.id });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: view.totals.totalMinor + 1000, idempotencyKey: randomUUID().replaceAll('-', '') });
  }
}

/** PostgreSQL alone: the same rows into the same tables, batch by batch, as HQ would write them minus every check. */
async function pgBatchedInsert(client: PoolClient, registerId: string, batches: { entries: JournalEntry[]; stored: NamedRecords }[]): Promise<void> {
  for (const b of batches) {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO journal_entries (register_id, seq, at, kind, payload, prev_hash, hash, received_at)
       SELECT $1, s, a, k, p, ph, h, $8 FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(s, a, k, p, ph, h) ORDER BY s`,
      [
        registerId,
        b.entries.map((e) => e.seq),
        b.entries.map((e) => e.at),
        b.entries.map((e) => e.kind),
        b.entries.map((e) => e.payload),
        b.entries.map((e) => e.prev_hash),
        b.entries.map((e) => e.hash),
        Date.now(),
      ],
    );
    // The Z's chained figures are read from its entry, as HQ stores them.
    const zEntries = new Set(b.stored.zReports.map((z) => z.seq));
    const parsed = new Map(
      b.entries
        .filter((e) => zEntries.has(e.seq))
        .map((e) => [e.seq, { seq: e.seq, at: e.at, kind: e.kind, ...(JSON.parse(e.payload) as { data: Record<string, unknown> }) }]),
    );
    await insertRecords(client, registerId, b.stored, parsed);
    const last = b.entries[b.entries.length - 1];
    await client.query('UPDATE journal_heads SET seq = $2, hash = $3, updated_at = $4 WHERE register_id = $1', [registerId, last?.seq, last?.hash, Date.now()]);
    await client.query('COMMIT');
  }
}

export async function benchHq(log: Log = (l) => console.log(l)): Promise<Record<string, number>> {
  const shm = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(shm, 'ringup-bench-hq-'));
  const rig = await startHqRig();
  try {
    // The register: enrolled, then a day of sales while HQ is out of reach.
    const reg = makeRegister({ dir, sync: { auto: false } });
    await reg.must('setup.createOwner', { name: 'Bench', pin: OWNER_PIN });
    await rig.enrol(reg, 'B-DAY', 'B');
    await openShift(reg);
    const t0 = performance.now();
    await sellADay(reg);
    const sellMs = performance.now() - t0;
    const journal = reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all() as JournalEntry[];

    // Catch-up: the register's own uploader, from nothing acknowledged to all of it.
    const c0 = performance.now();
    await reg.sync.runOnce();
    const catchUpMs = performance.now() - c0;
    const status = await reg.must('sync.status', {});
    if (status.pendingEntries !== 0) throw new Error(`catch-up left ${status.pendingEntries} entries: ${JSON.stringify(status)} ${reg.log.lines.join(' | ')}`);

    // Ingest vs PostgreSQL's batched insert: the same journal as fresh registers, alternating.
    // HQ gets what the register uploads; PostgreSQL gets the rows HQ stores from it, read whole from the ledger.
    const batches: { entries: JournalEntry[]; records: WireRecords; stored: NamedRecords }[] = [];
    for (let i = 0; i < journal.length; i += BATCH) {
      const entries = journal.slice(i, i + BATCH);
      batches.push({ entries, records: recordsFor(reg.db, entries), stored: namedRecordsFor(reg.db, entries) });
    }
    let hqMs = 0;
    let pgMs = 0;
    const client = await rig.hq.pool.connect();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const viaHq = `B-HQ${round}`;
        const viaPg = `B-PG${round}`;
        // Enrolled by hand: this run plays both registers.
        for (const id of [viaHq, viaPg]) {
          const code = await rig.newRegister(id, 'B');
          const r = await fetch(`${rig.hq.url}${hqPaths.enrol}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code, localRegisterId: 'R1' }),
          });
          if (!r.ok) throw new Error(`enrolling ${id} for the bench failed`);
        }
        const secret = await rig.secretOf(viaHq);

        const p0 = performance.now();
        await pgBatchedInsert(client, viaPg, batches);
        pgMs += performance.now() - p0;

        const h0 = performance.now();
        for (const b of batches) {
          const r = await rig.signed<UploadResponse>(
            hqPaths.upload,
            { registerId: viaHq, entries: b.entries, records: b.records },
            { registerId: viaHq, secret },
          );
          if (!r.body.ok) throw new Error(`bench upload refused: ${JSON.stringify(r.body)}`);
        }
        hqMs += performance.now() - h0;
      }
    } finally {
      client.release();
    }
    reg.cleanup();
    const n = journal.length * ROUNDS;
    const hqRate = n / (hqMs / 1000);
    const pgRate = n / (pgMs / 1000);
    const figures = {
      hq_ingest_entries_per_s: Math.round(hqRate),
      hq_pg_batched_insert_entries_per_s: Math.round(pgRate),
      hq_ingest_ratio: Number((hqRate / pgRate).toFixed(3)),
      hq_catchup_day_s: Number((catchUpMs / 1000).toFixed(3)),
    };
    log(
      `\nHQ (PostgreSQL ${(await rig.hq.pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v}, throwaway cluster, fsync on; batches of ${BATCH})`,
    );
    log(`  a day offline: ${DAY_SALES} sales, ${journal.length} journal entries (rung up in ${fmt(sellMs / 1000, 1)} s on tmpfs)`);
    log(`  catch-up (register's uploader, signed HTTP, checks, insert)  ${fmt(catchUpMs / 1000, 2)} s`);
    log(`  HQ ingest                          ${fmt(hqRate, 0).padStart(8)} entries/s   (n=${n})`);
    log(`  PostgreSQL batched insert, same tables ${fmt(pgRate, 0).padStart(8)} entries/s   (n=${n})`);
    log(`  hq_ingest_ratio (goal ≥ 0.5)            ${fmt(hqRate / pgRate, 3)}`);
    return figures;
  } finally {
    await rig.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchHq();
